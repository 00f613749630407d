// The sandboxed preload: one function per channel on window.scp, never ipcRenderer itself.
// Bundled into one CommonJS file that requires nothing but 'electron' (a sandboxed preload
// can load no other module); the object is checked against the contract with `satisfies`.
import { contextBridge, ipcRenderer } from 'electron';
import { ipcName } from '#shared/ipc/channelName';
import type { Channel, ChannelInput, ChannelResult, ScpApi } from '#shared/ipc/contract';
import type { Result } from '#shared/ipc/result';

function invoke<K extends Channel>(channel: K, arg: ChannelInput<K>): Promise<Result<ChannelResult<K>>> {
  return ipcRenderer.invoke(ipcName(channel), arg) as Promise<Result<ChannelResult<K>>>;
}

const api = {
  getAppInfo: (arg) => invoke('getAppInfo', arg),
  getIdentity: (arg) => invoke('getIdentity', arg),
  setIdentity: (arg) => invoke('setIdentity', arg),
  getRecordHistory: (arg) => invoke('getRecordHistory', arg),
  backupNow: (arg) => invoke('backupNow', arg),
  listBackups: (arg) => invoke('listBackups', arg),
  getDocumentSettings: (arg) => invoke('getDocumentSettings', arg),
  setDocumentSettings: (arg) => invoke('setDocumentSettings', arg),
  listMembers: (arg) => invoke('listMembers', arg),
  getMember: (arg) => invoke('getMember', arg),
  createMember: (arg) => invoke('createMember', arg),
  updateMember: (arg) => invoke('updateMember', arg),
  deactivateMember: (arg) => invoke('deactivateMember', arg),
  reactivateMember: (arg) => invoke('reactivateMember', arg),
  listPanels: (arg) => invoke('listPanels', arg),
  getPanel: (arg) => invoke('getPanel', arg),
  createPanel: (arg) => invoke('createPanel', arg),
  updatePanel: (arg) => invoke('updatePanel', arg),
  cancelPanel: (arg) => invoke('cancelPanel', arg),
  listTorVersions: (arg) => invoke('listTorVersions', arg),
  getTorVersion: (arg) => invoke('getTorVersion', arg),
  getCalendarSettings: (arg) => invoke('getCalendarSettings', arg),
  setMilestoneRules: (arg) => invoke('setMilestoneRules', arg),
  setPlanDefaults: (arg) => invoke('setPlanDefaults', arg),
  importBankHolidays: (arg) => invoke('importBankHolidays', arg),
  addBankHoliday: (arg) => invoke('addBankHoliday', arg),
  removeBankHoliday: (arg) => invoke('removeBankHoliday', arg),
  getPanelMilestones: (arg) => invoke('getPanelMilestones', arg),
  proposeYear: (arg) => invoke('proposeYear', arg),
  createPlannedPanels: (arg) => invoke('createPlannedPanels', arg),
  getTorInForce: (arg) => invoke('getTorInForce', arg),
  createTorDraft: (arg) => invoke('createTorDraft', arg),
  updateTorDraft: (arg) => invoke('updateTorDraft', arg),
  approveTorVersion: (arg) => invoke('approveTorVersion', arg),
  deleteTorDraft: (arg) => invoke('deleteTorDraft', arg),
  getAgenda: (arg) => invoke('getAgenda', arg),
  addAgendaItem: (arg) => invoke('addAgendaItem', arg),
  updateAgendaItem: (arg) => invoke('updateAgendaItem', arg),
  removeAgendaItem: (arg) => invoke('removeAgendaItem', arg),
  reorderAgenda: (arg) => invoke('reorderAgenda', arg),
  sendAgendaForReview: (arg) => invoke('sendAgendaForReview', arg),
  commentOnAgenda: (arg) => invoke('commentOnAgenda', arg),
  approveAgenda: (arg) => invoke('approveAgenda', arg),
  returnAgenda: (arg) => invoke('returnAgenda', arg),
  reopenAgenda: (arg) => invoke('reopenAgenda', arg),
  attachPaper: (arg) => invoke('attachPaper', arg),
  removePaper: (arg) => invoke('removePaper', arg),
  exportAgenda: (arg) => invoke('exportAgenda', arg),
  exportTor: (arg) => invoke('exportTor', arg),
} satisfies ScpApi;

contextBridge.exposeInMainWorld('scp', api);
