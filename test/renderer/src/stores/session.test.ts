import { describe, expect, it } from 'vitest';
import { MixlabError } from '../../../../shared/api';
import { useNoticesStore } from '../../../../renderer/src/stores/notices';
import { usePreferencesStore } from '../../../../renderer/src/stores/preferences';
import { useSessionStore } from '../../../../renderer/src/stores/session';
import { appInfo, createFakeApi, installStores, samples } from '../../support/fakeApi';

describe('session store', () => {
  it('loads the app facts and the three bundled samples, and adopts the OS locale', async () => {
    installStores(createFakeApi(), { languages: ['en-US'] });
    const session = useSessionStore();
    await session.load();
    expect(session.appInfo).toEqual(appInfo);
    expect(session.samples.map((s) => s.id)).toEqual(['iris', 'faithful', 'mall_customers']);
    expect(session.samples).toEqual(samples);
    expect(session.loaded).toBe(true);
    expect(usePreferencesStore().locale).toBe('zh-CN');
  });

  it('shows a failure to reach the main process as an error message', async () => {
    installStores(
      createFakeApi({
        listSamples: () =>
          Promise.reject(new MixlabError('engine_unavailable', 'The computing engine could not be started.')),
      }),
    );
    const session = useSessionStore();
    await session.load();
    expect(session.loaded).toBe(true);
    expect(session.samples).toEqual([]);
    expect(session.appInfo).toEqual(appInfo); // the rest of the start screen still shows
    expect(useNoticesStore().error).toMatchObject({
      code: 'engine_unavailable',
      message: 'The computing engine could not be started.',
    });
  });
});
