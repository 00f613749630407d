import { verifyAuditLog } from '#db/audit';
import { withSession } from '../session';
import { emit, expectNoArgs, type CliCommand } from '../types';

export const auditVerifyCommand: CliCommand = {
  name: 'audit verify',
  summary: 'Check the audit log’s hash chain for edited or removed rows',
  usage: 'audit verify [--json]',
  run: async (cmd) => {
    expectNoArgs(cmd);
    return withSession(cmd, async ({ opened }) => {
      const r = verifyAuditLog(opened.sqlite);
      emit(cmd, r, r.ok ? `The audit log is intact (${r.rows} rows).` : `The audit log has been tampered with from row ${r.firstBadRow} (of ${r.rows} read).`);
      return r.ok ? 0 : 1;
    });
  },
};
