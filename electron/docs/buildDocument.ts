// Which builder makes which document: one place for the export channels, the export job's worker
// and anything else that turns an ExportRequest into a Word document.
import type { ExportRequest } from '#shared/ipc/contract';
import type { HandlerContext } from '../handlers/context';
import { boardReportDocument, minutesDocument, trackerDocument } from './meetingDocs';
import { packDocument } from './packDocument';
import { agendaDocument, torDocument, type BuiltDocument } from './planningDocs';

export function buildDocument(ctx: HandlerContext, req: ExportRequest): Promise<BuiltDocument> {
  switch (req.kind) {
    case 'agenda':
      return agendaDocument(ctx, req.panelId);
    case 'tor':
      return torDocument(ctx, { id: req.id });
    case 'pack':
      return packDocument(ctx, req.panelId);
    case 'minutes':
      return minutesDocument(ctx, req.panelId);
    case 'tracker':
      return trackerDocument(ctx);
    case 'board-report':
      return boardReportDocument(ctx, req.quarter);
  }
}
