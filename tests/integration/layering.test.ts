// Proves the layering lint rule bites: each forbidden arrow of STYLE.md is a lint error.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function layeringErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layering lint rule', () => {
  it.each([
    ['renderer/features/x/Bad.tsx', "import { openDatabase } from '#db/open';\nexport const a = openDatabase;"],
    ['renderer/features/x/Bad.tsx', "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;"],
    ['renderer/features/x/Bad.tsx', "import fs from 'fs';\nexport const a = fs;"],
    ['renderer/features/x/Bad.tsx', "import { buildAgenda } from '../../../templates/agenda/buildAgenda';\nexport const a = buildAgenda;"],
    ['renderer/features/x/Bad.tsx', "import { handlers } from '../../../electron/handlers/index';\nexport const a = handlers;"],
    ['renderer/features/x/Bad.tsx', "import { ipcRenderer } from 'electron';\nexport const a = ipcRenderer;"],
    ['renderer/features/x/Bad.tsx', "import { contract } from '#shared/ipc/contract';\nexport const a = contract;"],
    ['shared/domain/bad.ts', "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;"],
    ['shared/domain/bad.ts', "import { Kysely } from 'kysely';\nexport const a = Kysely;"],
    ['shared/domain/bad.ts', "import { useState } from 'react';\nexport const a = useState;"],
    ['shared/domain/bad.ts', "import { openDatabase } from '#db/open';\nexport const a = openDatabase;"],
    ['db/queries/bad.ts', "import { buildAgenda } from '#templates/agenda/buildAgenda';\nexport const a = buildAgenda;"],
    ['templates/agenda/bad.ts', "import { writeFileSync } from 'node:fs';\nexport const a = writeFileSync;"],
    ['templates/agenda/bad.ts', "import { findPanel } from '#db/queries/panels';\nexport const a = findPanel;"],
  ])('%s: rejects %s', async (file, code) => {
    const errors = await layeringErrors(file, code);
    expect(errors.length, `no layering error for ${file}`).toBeGreaterThan(0);
    expect(errors[0]).toMatch(/layering/);
  });

  it.each([
    ['renderer/features/x/Good.tsx', "import type { ScpApi } from '#shared/ipc/contract';\nexport type A = ScpApi;"],
    ['renderer/features/x/Good.tsx', "import { formatDateLong } from '#shared/format';\nexport const a = formatDateLong;"],
    ['db/queries/good.ts', "import { quarterLabel } from '#shared/domain/panels';\nexport const a = quarterLabel;"],
    ['electron/main/good.ts', "import { openDatabase } from '#db/open';\nimport { readFileSync } from 'node:fs';\nexport const a = [openDatabase, readFileSync];"],
  ])('%s: allows %s', async (file, code) => {
    expect(await layeringErrors(file, code)).toEqual([]);
  });
});
