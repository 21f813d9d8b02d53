import { defineStore } from 'pinia';
import { onScopeDispose, ref } from 'vue';
import { useClients } from '../api/clients';
import type { EngineCrash } from '../api/eventClient';
import type { UserError } from '../api/userError';

/** Where an error came from: picks the banner's title ("The file could not be opened"). */
export type ErrorContext = 'default' | 'import';

export interface ErrorNotice extends UserError {
  context: ErrorContext;
}

/**
 * Messages for the user that are not part of one view: the error banner (one at a time, the latest
 * wins) and the engine-crash banner, which is fed by the main process's `engine-crashed` event.
 */
export const useNoticesStore = defineStore('notices', () => {
  const clients = useClients();
  const error = ref<ErrorNotice | null>(null);
  const engineCrash = ref<EngineCrash | null>(null);

  onScopeDispose(clients.events.onEngineCrashed((crash) => (engineCrash.value = crash)));

  function showError(err: UserError, context: ErrorContext = 'default'): void {
    error.value = { ...err, context };
  }
  function dismissError(): void {
    error.value = null;
  }
  function dismissCrash(): void {
    engineCrash.value = null;
  }

  return { error, engineCrash, showError, dismissError, dismissCrash };
});
