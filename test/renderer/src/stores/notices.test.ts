import { describe, expect, it } from 'vitest';
import { useNoticesStore } from '../../../../renderer/src/stores/notices';
import { createFakeApi, installStores } from '../../support/fakeApi';

describe('notices store', () => {
  it('shows the engine-crash banner when the main process reports a crash, and hides it on dismiss', () => {
    const api = createFakeApi();
    installStores(api);
    const notices = useNoticesStore();
    expect(notices.engineCrash).toBeNull();
    api.emit({ type: 'engine-crashed', message: 'engine exited with code 9', restarted: true });
    expect(notices.engineCrash).toEqual({
      message: 'engine exited with code 9',
      restarted: true,
      reason: 'exited',
      detail: 'engine exited with code 9',
    });
    api.emit({
      type: 'engine-crashed',
      message: 'The computing engine ran out of memory…',
      restarted: true,
      reason: 'out-of-memory',
      detail: 'signal SIGABRT',
    });
    expect(notices.engineCrash).toMatchObject({ reason: 'out-of-memory', detail: 'signal SIGABRT' });
    notices.dismissCrash();
    expect(notices.engineCrash).toBeNull();
  });

  it('ignores progress events', () => {
    const api = createFakeApi();
    installStores(api);
    const notices = useNoticesStore();
    api.emit({ type: 'progress', jobId: 'x', progress: {} });
    expect(notices.engineCrash).toBeNull();
    expect(notices.error).toBeNull();
  });

  it('keeps the latest error with where it came from', () => {
    installStores(createFakeApi());
    const notices = useNoticesStore();
    notices.showError({ code: 'a', message: 'first' });
    notices.showError({ code: 'empty_file', message: 'The file is empty.' }, 'import');
    expect(notices.error).toEqual({ code: 'empty_file', message: 'The file is empty.', context: 'import' });
    notices.dismissError();
    expect(notices.error).toBeNull();
  });

  it('stops listening when disposed', () => {
    const api = createFakeApi();
    installStores(api);
    const notices = useNoticesStore();
    expect(api.listenerCount()).toBe(1);
    notices.$dispose();
    expect(api.listenerCount()).toBe(0);
  });
});
