import { describe, expect, it } from 'vitest';
import { effectScope } from 'vue';
import { MixlabError } from '../../../../shared/api';
import { createClients } from '../../../../renderer/src/api/clients';
import { useEngineJob } from '../../../../renderer/src/lib/engineJob';
import { parseExportProgress } from '../../../../renderer/src/lib/jobProgress';
import { createFakeApi, deferred, flush, type FakeApi } from '../../support/fakeApi';

interface Summary {
  rows: number;
}

function setup(
  cancelJob: (arg: { jobId: string }) => Promise<{ cancelled: boolean }> = async () => ({
    cancelled: true,
  }),
) {
  const api = createFakeApi({ cancelJob });
  const job = useEngineJob(createClients(api), { kind: 'export', parseProgress: parseExportProgress });
  return { api, job };
}

const progress = (api: FakeApi, jobId: string, payload: unknown) =>
  api.emit({ type: 'progress', jobId, progress: payload });

describe('useEngineJob', () => {
  it('names the job, shows its progress as parsed (others ignored) and clears when the answer comes', async () => {
    const { api, job } = setup();
    const answer = deferred<Summary>();
    const seen: unknown[] = [];
    let asked = '';
    const running = job.run(
      (jobId) => {
        asked = jobId;
        return answer.promise;
      },
      (p) => seen.push(p),
    );
    const state = job.state.value!;
    expect(state).toEqual({ jobId: asked, progress: null, cancelling: false });
    expect(state.jobId).toMatch(/^export-/);

    progress(api, asked, { rowsWritten: 10, totalRows: 40, extra: 'dropped' });
    progress(api, asked, { rowsWritten: 'ten' }); // not an export progress: ignored
    progress(api, 'another-job', { rowsWritten: 39, totalRows: 40 });
    expect(job.state.value?.progress).toEqual({ rowsWritten: 10, totalRows: 40 });
    expect(seen).toEqual([{ rowsWritten: 10, totalRows: 40 }]);

    answer.resolve({ rows: 40 });
    expect(await running).toEqual({ status: 'done', value: { rows: 40 } });
    expect(job.state.value).toBeNull();
  });

  it('turns an engine error into a user error with its code, the first line of its message only', async () => {
    const { job } = setup();
    const outcome = await job.run(async () => {
      throw new MixlabError('constant_column', 'Column "x" has one value.\n    at check (fit.ts:3)');
    });
    expect(outcome).toEqual({
      status: 'failed',
      error: { code: 'constant_column', message: 'Column "x" has one value.' },
    });
    expect(job.state.value).toBeNull();
  });

  it('reports an engine "cancelled" as a note, not an error', async () => {
    const { job } = setup();
    const outcome = await job.run(() => Promise.reject(new MixlabError('cancelled', 'Cancelled.')));
    expect(outcome).toEqual({ status: 'cancelled' });
  });

  it('after a cancel the engine took, the job is over at once and its late answer is ignored', async () => {
    const { api, job } = setup();
    const first = deferred<Summary>();
    const running = job.run(() => first.promise);
    const jobId = job.state.value!.jobId;
    expect(await job.cancel()).toEqual({ status: 'abandoned' });
    expect(api.calls.find((c) => c.method === 'cancelJob')?.arg).toEqual({ jobId });
    expect(job.state.value).toBeNull();

    // A new job may start before the engine answers the old one; the old answer touches nothing.
    const second = deferred<Summary>();
    const again = job.run(() => second.promise);
    const secondId = job.state.value!.jobId;
    progress(api, jobId, { rowsWritten: 5, totalRows: 5 });
    expect(job.state.value?.progress).toBeNull();
    first.resolve({ rows: 5 }); // it finished anyway: still abandoned
    expect(await running).toEqual({ status: 'abandoned', late: { rows: 5 } }); // for the caller to release
    expect(job.state.value?.jobId).toBe(secondId);

    second.reject(new MixlabError('engine_crashed', 'The engine stopped.'));
    expect(await again).toMatchObject({ status: 'failed', error: { code: 'engine_crashed' } });
    expect(job.state.value).toBeNull();
  });

  it('a late "cancelled" after an abandoned job is ignored too', async () => {
    const { job } = setup();
    const answer = deferred<Summary>();
    const running = job.run(() => answer.promise);
    await job.cancel();
    answer.reject(new MixlabError('cancelled', 'Cancelled.'));
    expect(await running).toEqual({ status: 'abandoned' });
  });

  it('a cancel that comes too late changes nothing: the answer arrives as usual', async () => {
    const { job } = setup(async () => ({ cancelled: false }));
    const answer = deferred<Summary>();
    const running = job.run(() => answer.promise);
    expect(await job.cancel()).toEqual({ status: 'none' });
    answer.resolve({ rows: 1 });
    expect(await running).toEqual({ status: 'done', value: { rows: 1 } });
  });

  it('a cancel that fails says why and leaves the job running, marked as cancelling (asked once)', async () => {
    const { api, job } = setup(() => Promise.reject(new MixlabError('engine_unavailable', 'No engine.')));
    const answer = deferred<Summary>();
    const running = job.run(() => answer.promise);
    expect(await job.cancel()).toEqual({
      status: 'failed',
      error: { code: 'engine_unavailable', message: 'No engine.' },
    });
    expect(job.state.value?.cancelling).toBe(true);
    expect(await job.cancel()).toEqual({ status: 'none' });
    expect(api.calls.filter((c) => c.method === 'cancelJob')).toHaveLength(1);
    answer.resolve({ rows: 2 });
    expect(await running).toEqual({ status: 'done', value: { rows: 2 } });
    expect(await job.cancel()).toEqual({ status: 'none' }); // nothing running
  });

  it('always ends its progress subscription: done, failed, cancelled, abandoned', async () => {
    const { api, job } = setup();
    const atRest = api.listenerCount();
    await job.run(async () => ({ rows: 1 }));
    await job.run(() => Promise.reject(new MixlabError('internal', 'Broken.')));
    await job.run(() => Promise.reject(new MixlabError('cancelled', 'Cancelled.')));
    const answer = deferred<Summary>();
    const running = job.run(() => answer.promise);
    expect(api.listenerCount()).toBe(atRest + 1);
    await job.cancel();
    answer.resolve({ rows: 1 });
    await running;
    expect(api.listenerCount()).toBe(atRest);
  });

  it('ends the subscription of a job still running when its owner’s scope is disposed', async () => {
    const api = createFakeApi();
    const scope = effectScope();
    const job = scope.run(() =>
      useEngineJob(createClients(api), { kind: 'fit', parseProgress: parseExportProgress }),
    )!;
    const atRest = api.listenerCount();
    const answer = deferred<Summary>();
    const running = job.run(() => answer.promise);
    expect(api.listenerCount()).toBe(atRest + 1);
    scope.stop();
    expect(api.listenerCount()).toBe(atRest);
    answer.resolve({ rows: 3 });
    await running;
    await flush();
    expect(api.listenerCount()).toBe(atRest);
  });
});
