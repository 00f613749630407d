export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
}

export interface CommandContext {
  /** Arguments after the command words, for the command's own parseArgs. */
  args: string[];
  json: boolean;
  dbPath: string;
  io: CliIO;
  now: () => Date;
}

export interface CliCommand {
  /** e.g. "panels list" */
  name: string;
  summary: string;
  usage: string;
  run(ctx: CommandContext): Promise<number>;
}

/** Bad arguments: print usage and exit 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** A failure the user can act on: exit 1 with this message. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly code = 'error',
  ) {
    super(message);
    this.name = 'CliError';
  }
}

export function emit(ctx: CommandContext, json: object, human: string): void {
  ctx.io.stdout(ctx.json ? JSON.stringify(json) : human);
}

/** For commands that take no options of their own: anything extra is a usage error. */
export function expectNoArgs(ctx: CommandContext): void {
  if (ctx.args.length) throw new UsageError(`Unexpected ${ctx.args.length === 1 ? 'argument' : 'arguments'}: ${ctx.args.join(' ')}`);
}
