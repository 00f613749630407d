// Meeting mode: the minute-taker's screen on the day. Opens on the approved agenda; everything is
// reachable from the keyboard, saved as it is typed, and reopening returns to the same item.
import { useQueryClient } from '@tanstack/react-query';
import { memo, useCallback, useDeferredValue, useEffect, useState } from 'react';
import { Link } from 'wouter';
import { panelTitle } from '#shared/domain/panels';
import type { Meeting } from '#shared/domain/meeting';
import { minutesProblems } from '#shared/domain/meeting';
import { formatDateLong, formatTimestamp, londonToday } from '#shared/format';
import { call } from '../../api/client';
import { keys } from '../../api/keys';
import { Dialog } from '../../ui/Dialog';
import { Page } from '../../ui/Page';
import { ErrorState, Loading } from '../../ui/States';
import { useToast } from '../../ui/Toast';
import { ExportButton } from '../documents/ExportButton';
import { useIdentity } from '../identity/hooks';
import { useMembers } from '../members/hooks';
import { useThemeOptions } from '../themes/hooks';
import { AttendancePane, QuorumIndicator } from './AttendancePane';
import { SaveTrackerProvider, useSaveState } from './autosave';
import { useMeeting, useMeetingChange } from './hooks';
import { clock, ItemPane, type FocusRequest } from './ItemPane';

export const MEETING_SHORTCUTS: { keys: string; what: string }[] = [
  { keys: 'Alt+↓ / Alt+↑', what: 'Next / previous item' },
  { keys: 'Alt+G', what: 'Attendance and declarations' },
  { keys: 'Alt+T', what: 'Start or stop the item’s timer' },
  { keys: 'Alt+D', what: 'Add a decision' },
  { keys: 'Alt+A', what: 'Add an action' },
  { keys: 'Alt+R', what: 'Add a recommendation' },
];

/**
 * Once typing has been saved, what is derived from it (completeness, counts) is read again in the
 * background; the fields keep their own text, so nothing being typed is overwritten. A component of
 * its own, so that the save's state changing re-renders it alone and not the whole screen.
 */
function RefreshWhenSaved({ panelId }: { panelId: number }) {
  const saveState = useSaveState();
  const qc = useQueryClient();
  useEffect(() => {
    if (saveState.kind === 'saved') void qc.invalidateQueries({ queryKey: keys.meeting(panelId) });
  }, [saveState, qc, panelId]);
  return null;
}

/** What happens to typing here: saved as it goes, or nothing to type into (not started, or locked). */
function SavedIndicator({ meeting }: { meeting: Meeting }) {
  const s = useSaveState();
  // A save in flight or refused still says so; otherwise say why the fields cannot be typed in.
  const quiet = s.kind === 'idle' || s.kind === 'saved';
  const kind = quiet && meeting.locked ? 'locked' : s.kind;
  const text =
    s.kind === 'saving'
      ? 'Saving…'
      : s.kind === 'error'
        ? `Not saved: ${s.message}`
        : meeting.locked
          ? 'Approved minutes are locked. To change them, start a correction: a new draft version with its reason.'
          : meeting.phase === 'not-started'
            ? 'Nothing is recorded until the meeting starts.'
            : s.kind === 'saved'
              ? 'All changes saved'
              : 'Changes are saved as you type';
  return (
    <p className={`saved-state saved-state--${kind}`} role="status" aria-live="polite">
      {text}
    </p>
  );
}

type Section = { kind: 'attendance' } | { kind: 'item'; id: number };

function MinutesControls({ meeting }: { meeting: Meeting }) {
  const identity = useIdentity();
  const toast = useToast();
  const panelId = meeting.panel.id;
  const [dialog, setDialog] = useState<'end' | 'approve' | 'correct' | null>(null);
  const [approvedOn, setApprovedOn] = useState(londonToday(new Date()));
  const [reason, setReason] = useState('');
  const end = useMeetingChange(panelId, () => call('endMeeting', { panelId }));
  const approve = useMeetingChange(panelId, () => call('approveMinutes', { panelId, approvedOn }));
  const correct = useMeetingChange(panelId, () => call('startMinutesCorrection', { panelId, reason }));
  const latest = meeting.minutes[meeting.minutes.length - 1];
  const problems = meeting.phase === 'ended' && !meeting.locked ? minutesProblems(meeting) : [];
  const isChair = identity.data?.role === 'chair';
  const errorOf = (m: { error: unknown }) => (m.error instanceof Error ? m.error.message : null);

  return (
    <div className="minutes-controls">
      {meeting.phase === 'in-progress' && (
        <button type="button" className="button button--secondary" onClick={() => setDialog('end')}>
          End meeting
        </button>
      )}
      {meeting.phase === 'ended' && latest && (
        <p className="minutes-controls__state">
          {latest.status === 'approved'
            ? `Minutes version ${latest.version} approved by ${latest.approvedBy} on ${formatDateLong(latest.approvedOn!)}: locked.`
            : `Minutes draft, version ${latest.version}${latest.reason ? ` (correcting: ${latest.reason})` : ''}. The secretariat may edit; the chair approves.`}
        </p>
      )}
      {meeting.phase === 'ended' && !meeting.locked && (
        <button type="button" className="button" onClick={() => setDialog('approve')} disabled={!isChair} aria-describedby={!isChair ? 'approve-hint' : undefined}>
          Approve minutes
        </button>
      )}
      {meeting.phase === 'ended' && !meeting.locked && !isChair && (
        <span id="approve-hint" className="muted">
          Only the chair can approve.
        </span>
      )}
      {meeting.locked && (
        <button type="button" className="button button--secondary" onClick={() => setDialog('correct')}>
          Start a correction
        </button>
      )}
      {meeting.phase === 'ended' && <ExportButton kind="minutes" panelId={panelId} label={meeting.locked ? 'Export minutes' : 'Export draft minutes'} />}

      {dialog === 'end' && (
        <Dialog title="End the meeting?" onClose={() => setDialog(null)}>
          <p>The timers stop and the minutes become a draft. The secretariat can still edit them until the chair approves.</p>
          {errorOf(end) && <p className="field__error">{errorOf(end)}</p>}
          <div className="form__actions">
            <button
              type="button"
              className="button"
              onClick={() =>
                end.mutate(undefined, {
                  onSuccess: () => {
                    setDialog(null);
                    toast.notify('Meeting ended: the minutes are a draft');
                  },
                })
              }
            >
              End meeting
            </button>
            <button type="button" className="button button--secondary" onClick={() => setDialog(null)}>
              Keep recording
            </button>
          </div>
        </Dialog>
      )}
      {dialog === 'approve' && (
        <Dialog title="Approve the minutes?" onClose={() => setDialog(null)}>
          <p>Approved minutes are locked. Any later change is a correction: a new version with its reason.</p>
          {problems.length > 0 && (
            <div className="error-summary" role="alert">
              <p className="error-summary__title">Not ready to approve</p>
              <ul>
                {problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            </div>
          )}
          {errorOf(approve) && <p className="field__error">{errorOf(approve)}</p>}
          <div className="field">
            <label htmlFor="approved-on">Date of approval</label>
            <input id="approved-on" type="date" value={approvedOn} onChange={(e) => setApprovedOn(e.target.value)} />
          </div>
          <div className="form__actions">
            <button
              type="button"
              className="button"
              disabled={problems.length > 0}
              onClick={() =>
                approve.mutate(undefined, {
                  onSuccess: () => {
                    setDialog(null);
                    toast.notify('Minutes approved and locked');
                  },
                })
              }
            >
              Approve and lock
            </button>
            <button type="button" className="button button--secondary" onClick={() => setDialog(null)}>
              Not yet
            </button>
          </div>
        </Dialog>
      )}
      {dialog === 'correct' && (
        <Dialog title="Correct approved minutes" onClose={() => setDialog(null)}>
          <p>The approved version stays as it was. A new draft version opens with your reason; the chair approves it again.</p>
          {errorOf(correct) && <p className="field__error">{errorOf(correct)}</p>}
          <div className="field">
            <label htmlFor="correction-reason">Reason for the correction</label>
            <textarea id="correction-reason" rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />
          </div>
          <div className="form__actions">
            <button
              type="button"
              className="button"
              onClick={() =>
                correct.mutate(undefined, {
                  onSuccess: () => {
                    setDialog(null);
                    toast.notify('Correction started: a new draft version');
                  },
                })
              }
            >
              Start correction
            </button>
            <button type="button" className="button button--secondary" onClick={() => setDialog(null)}>
              Cancel
            </button>
          </div>
        </Dialog>
      )}
    </div>
  );
}

function MeetingScreen({ meeting, receivedAt }: { meeting: Meeting; receivedAt: number }) {
  const panelId = meeting.panel.id;
  const members = useMembers(false);
  const themes = useThemeOptions();
  const [section, setSection] = useState<Section>(() => (meeting.currentItemId ? { kind: 'item', id: meeting.currentItemId } : { kind: 'attendance' }));
  const [focus, setFocus] = useState<FocusRequest | null>(null);
  const start = useMeetingChange(panelId, () => call('startMeeting', { panelId }));
  const timer = useMeetingChange(panelId, (v: { itemId: number; running: boolean }) => (v.running ? call('stopItemTimer', { itemId: v.itemId }) : call('startItemTimer', { itemId: v.itemId })));
  const add = useMeetingChange(panelId, (v: { kind: FocusRequest['kind']; itemId: number }) =>
    v.kind === 'decision' ? call('addDecision', { itemId: v.itemId }) : v.kind === 'action' ? call('addAction', { itemId: v.itemId }) : call('addRecommendation', { itemId: v.itemId }),
  );
  const items = meeting.items;
  const current = section.kind === 'item' ? items.find((i) => i.id === section.id) : undefined;
  const editable = meeting.phase !== 'not-started' && !meeting.locked;
  // The meeting on screen may be a moment behind the one last read (its refresh is drawn in the
  // background): what a command acts on (is the timer running, how many entries there are) is read
  // from the latest.
  const qc = useQueryClient();
  const latestItem = useCallback((id: number) => (qc.getQueryData<Meeting>(keys.meeting(panelId)) ?? meeting).items.find((i) => i.id === id), [qc, panelId, meeting]);
  const toggleTimer = useCallback(
    (itemId: number) => {
      const item = latestItem(itemId);
      if (item) timer.mutate({ itemId, running: item.timerRunning });
    },
    [latestItem, timer],
  );

  const go = useCallback(
    (next: Section) => {
      setSection(next);
      setFocus(null);
      if (next.kind === 'item') void call('setCurrentItem', { panelId, itemId: next.id }).catch(() => {});
      // Move focus to the new section's heading so screen readers announce it.
      setTimeout(() => document.getElementById(next.kind === 'item' ? `item-title-${next.id}` : 'attendance-title')?.focus(), 0);
    },
    [panelId],
  );

  const addEntry = useCallback(
    (kind: FocusRequest['kind']) => {
      if (!current || !editable) return;
      const item = latestItem(current.id) ?? current;
      const before = kind === 'decision' ? item.decisions.length : kind === 'action' ? item.actions.length : item.recommendations.length;
      setFocus({ kind, after: before });
      add.mutate({ kind, itemId: current.id });
    },
    [add, current, editable, latestItem],
  );

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (!e.altKey || e.ctrlKey || e.metaKey) return;
      const index = current ? items.indexOf(current) : -1;
      let handled = true;
      switch (e.code) {
        case 'ArrowDown':
          if (index < items.length - 1) go({ kind: 'item', id: items[index + 1].id });
          break;
        case 'ArrowUp':
          if (index > 0) go({ kind: 'item', id: items[index - 1].id });
          else if (index === 0) go({ kind: 'attendance' });
          break;
        case 'KeyG':
          go({ kind: 'attendance' });
          break;
        case 'KeyT':
          if (current && editable) toggleTimer(current.id);
          break;
        case 'KeyD':
          addEntry('decision');
          break;
        case 'KeyA':
          addEntry('action');
          break;
        case 'KeyR':
          addEntry('recommendation');
          break;
        default:
          handled = false;
      }
      if (handled) e.preventDefault();
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [addEntry, current, editable, go, items, toggleTimer]);

  const recordedCount = meeting.attendees.filter((a) => a.status !== null).length;

  return (
    <Page
      title={`Meeting: ${panelTitle(meeting.panel)}`}
      back={<Link href={`/panels/${panelId}`}>Back to the panel</Link>}
      actions={<MinutesControls meeting={meeting} />}
    >
      <RefreshWhenSaved panelId={panelId} />
      <div className="meeting-bar">
        <SavedIndicator meeting={meeting} />
        <QuorumIndicator meeting={meeting} />
        {meeting.startedAt && <p className="muted">Started {formatTimestamp(meeting.startedAt)}</p>}
      </div>
      {meeting.phase === 'not-started' && (
        <div className="notice">
          <p>
            The meeting has not started. Starting it opens the approved agenda for recording; everything you type is saved as you go.
          </p>
          {start.error instanceof Error && <p className="field__error">{start.error.message}</p>}
          <button type="button" className="button" onClick={() => start.mutate(undefined)}>
            Start meeting
          </button>
        </div>
      )}
      <div className="meeting">
        <nav className="meeting__nav" aria-label="Agenda items">
          <ol>
            <li>
              <button type="button" className="meeting__nav-item" aria-current={section.kind === 'attendance' ? 'step' : undefined} onClick={() => go({ kind: 'attendance' })}>
                <span>Attendance</span>
                <span className="muted">
                  {recordedCount}/{meeting.attendees.length}
                </span>
              </button>
            </li>
            {items.map((item, i) => (
              <li key={item.id}>
                <button type="button" className="meeting__nav-item" aria-current={section.kind === 'item' && section.id === item.id ? 'step' : undefined} onClick={() => go({ kind: 'item', id: item.id })}>
                  <span>
                    {i + 1}. {item.title}
                  </span>
                  <span className="muted">
                    {item.timerRunning ? '● ' : ''}
                    {clock(item.elapsedSeconds)} / {item.minutes}m
                    {item.decisions.length + item.actions.length + item.recommendations.length > 0 && ` · ${item.decisions.length}D ${item.actions.length}A ${item.recommendations.length}R`}
                  </span>
                </button>
              </li>
            ))}
          </ol>
          <section className="meeting__keys" aria-labelledby="meeting-keys">
            <h2 id="meeting-keys">Keyboard</h2>
            <dl>
              {MEETING_SHORTCUTS.map((s) => (
                <div key={s.keys}>
                  <dt>
                    <kbd>{s.keys}</kbd>
                  </dt>
                  <dd>{s.what}</dd>
                </div>
              ))}
            </dl>
          </section>
        </nav>
        <div className="meeting__main">
          {section.kind === 'attendance' || !current ? (
            <AttendancePane meeting={meeting} />
          ) : (
            <ItemPane
              key={current.id}
              meeting={meeting}
              item={current}
              number={items.indexOf(current) + 1}
              receivedAt={receivedAt}
              members={members.data ?? []}
              themes={themes.data ?? []}
              focus={focus}
              onAdd={addEntry}
              onTimer={() => toggleTimer(current.id)}
            />
          )}
        </div>
      </div>
    </Page>
  );
}

/** The screen re-renders only when the meeting it is given changes (see MeetingPage). */
const MeetingScreenOf = memo(MeetingScreen);

export function MeetingPage({ panelId }: { panelId: number }) {
  const meeting = useMeeting(panelId);
  const qc = useQueryClient();
  useEffect(() => () => void qc.invalidateQueries({ queryKey: keys.panels.all }), [qc]);
  // The meeting read again after every autosave re-renders the whole screen: it is shown as a
  // deferred update, which React renders in slices and sets aside for a keystroke, so the letter
  // typed is painted first and the refreshed counts a moment later.
  const shown = useDeferredValue(meeting.data);
  const shownAt = useDeferredValue(meeting.dataUpdatedAt);
  if (meeting.isError) return <ErrorState error={meeting.error} onRetry={() => meeting.refetch()} />;
  if (meeting.isPending || !shown) return <Loading what="the meeting" />;
  return (
    <SaveTrackerProvider>
      <MeetingScreenOf meeting={shown} receivedAt={shownAt} />
    </SaveTrackerProvider>
  );
}
