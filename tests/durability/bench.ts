// `npm run bench:durability [rounds]`: the crash harness at length (default 500 kills).
import { crashRounds } from './crash';

async function main(): Promise<number> {
  const rounds = Number(process.argv[2] ?? 500);
  const started = Date.now();
  const r = await crashRounds(rounds, Date.now() % 100000);
  console.log(
    `${r.rounds} SIGKILL rounds, ${r.acknowledged} acknowledged writes (${JSON.stringify(r.byKind)}), ${r.lost.length} lost, ${r.integrity.length} integrity failures, ${r.foreignKeyProblems} foreign-key problems, ${r.auditBroken} broken audit chains, in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  return r.lost.length || r.integrity.length || r.foreignKeyProblems || r.auditBroken ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
