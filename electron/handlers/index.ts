// The one handler table. Every transport (Electron IPC, the web preview, the in-process test
// transport) serves exactly this table through `dispatch`.
import { agendaHandlers } from './agenda';
import { appHandlers } from './app';
import { backupHandlers } from './backups';
import { calendarHandlers } from './calendar';
import { exportHandlers } from './exports';
import { paperHandlers } from './papers';
import { torHandlers } from './tor';
import { memberHandlers } from './members';
import { panelHandlers } from './panels';
import { evidenceHandlers } from './evidence';
import { themeHandlers } from './themes';
import { retentionHandlers } from './retention';
import { meetingHandlers } from './meeting';
import { recommendationHandlers } from './recommendations';
import { insightHandlers } from './insights';
import type { HandlerTable } from './types';

export const handlers: HandlerTable = {
  ...appHandlers,
  ...memberHandlers,
  ...panelHandlers,
  ...agendaHandlers,
  ...paperHandlers,
  ...torHandlers,
  ...calendarHandlers,
  ...exportHandlers,
  ...backupHandlers,
  ...evidenceHandlers,
  ...themeHandlers,
  ...retentionHandlers,
  ...meetingHandlers,
  ...recommendationHandlers,
  ...insightHandlers,
};
