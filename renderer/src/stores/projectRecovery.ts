/**
 * Autosave and crash recovery, the project store's safety net (its setup calls this once and
 * returns these as its own): the working state is handed to the main process whenever it changed
 * (main writes it at most once a minute), and at start an analysis from a session that did not
 * exit cleanly is offered back, opened as Open project opens a file.
 */
import { onScopeDispose, ref, type Ref } from 'vue';
import type { MixlabProject, ProjectState } from '../../../shared/project/schema';
import type { DataSourceStatus, RecoverableSummary } from '../../../shared/project/status';
import type { Clients } from '../api/clients';
import { toUserError, type UserError } from '../api/userError';

export const AUTOSAVE_INTERVAL_MS = 60_000;

export interface RecoveryDeps {
  clients: Pick<Clients, 'project'>;
  /** What identifies the working state (unchanged key = nothing new to autosave); null = nothing open. */
  autosaveKey(): string | null;
  /** The working state as a save would write it. */
  currentState(): ProjectState;
  /** The project store's busy flag and error, shared with its other actions. */
  busy: Ref<boolean>;
  error: Ref<UserError | null>;
  /** Goes on with an opened project as Open project does: restore it, or ask for its data. */
  continueWith(project: MixlabProject, file: string | null, status: DataSourceStatus): Promise<void>;
}

export function useProjectRecovery(deps: RecoveryDeps) {
  const { clients, busy, error } = deps;
  const recoverable = ref<RecoverableSummary | null>(null);

  let lastAutosaved: string | null = null;
  /** Hands the working state to the main process if it changed (it writes at most once a minute). */
  async function autosaveNow(): Promise<void> {
    const current = deps.autosaveKey();
    if (current === lastAutosaved) return;
    try {
      await clients.project.autosave(current === null ? null : deps.currentState());
      lastAutosaved = current;
    } catch {
      // Autosave is a safety net: a failure must not interrupt the user (the next tick tries again).
    }
  }

  let timer: ReturnType<typeof setInterval> | null = null;
  function startAutosave(intervalMs = AUTOSAVE_INTERVAL_MS): void {
    timer ??= setInterval(() => void autosaveNow(), intervalMs);
  }
  onScopeDispose(() => timer && clearInterval(timer));

  /** At start: an analysis from a session that crashed, for the "Restore…?" prompt. */
  async function checkRecovery(): Promise<void> {
    try {
      recoverable.value = await clients.project.findRecoverable();
    } catch {
      recoverable.value = null;
    }
  }

  async function restoreRecovered(): Promise<void> {
    recoverable.value = null;
    busy.value = true;
    try {
      const project = await clients.project.recover();
      const status: DataSourceStatus = project.dataSource
        ? await clients.project.checkDataSource(project.dataSource)
        : { state: 'none', message: '' };
      await clients.project.discardRecoverable();
      await deps.continueWith(project, null, status);
    } catch (err) {
      error.value = toUserError(err);
    } finally {
      busy.value = false;
    }
  }

  async function discardRecovered(): Promise<void> {
    recoverable.value = null;
    try {
      await clients.project.discardRecoverable();
    } catch (err) {
      error.value = toUserError(err);
    }
  }

  return { recoverable, autosaveNow, startAutosave, checkRecovery, restoreRecovered, discardRecovered };
}
