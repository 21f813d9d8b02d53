import { afterEach, describe, expect, it, vi } from 'vitest';
import { useAnalysisStore } from '../../../../renderer/src/stores/analysis';
import { useDatasetStore } from '../../../../renderer/src/stores/dataset';
import { COALESCE_MS, useHistoryStore } from '../../../../renderer/src/stores/history';
import { createFakeApi, flush, installStores, irisSummary } from '../../support/fakeApi';

async function setup() {
  let opened = 0;
  installStores(createFakeApi({ openSample: async () => ({ ...irisSummary, datasetId: `ds-${++opened}` }) }));
  const history = useHistoryStore();
  const analysis = useAnalysisStore();
  await useDatasetStore().openSample('iris');
  await flush();
  return { history, analysis };
}

afterEach(() => vi.useRealTimers());

describe('history store: undo and redo of the analysis set-up', () => {
  it('undoes column choices and settings one step at a time, and redoes them', async () => {
    const { history, analysis } = await setup();
    expect(history.canUndo).toBe(false);
    analysis.toggleColumn(0);
    await flush();
    analysis.setStandardize(true);
    await flush();
    analysis.setSetting('covarianceType', 'diag');
    await flush();
    expect(history.undo()).toBe(true);
    expect(analysis.settings.covarianceType).toBe('full');
    expect(analysis.preprocessing.standardize).toBe(true);
    history.undo();
    expect(analysis.preprocessing.standardize).toBe(false);
    expect(analysis.selection).toEqual([0]);
    history.undo();
    expect(analysis.selection).toEqual([]);
    expect(history.canUndo).toBe(false);
    expect(history.redo()).toBe(true);
    expect(analysis.selection).toEqual([0]);
    history.redo();
    history.redo();
    expect(analysis.preprocessing.standardize).toBe(true);
    expect(analysis.settings.covarianceType).toBe('diag');
    expect(history.canRedo).toBe(false);
  });

  it('a new change after an undo drops what could be redone', async () => {
    const { history, analysis } = await setup();
    analysis.setSetting('seed', 5);
    await flush();
    history.undo();
    await flush();
    analysis.setSetting('nInit', 3);
    await flush();
    expect(history.canRedo).toBe(false);
    history.undo();
    expect(analysis.settings.nInit).not.toBe(3);
    expect(analysis.settings.seed).not.toBe(5);
  });

  it('edits of one field in quick succession are one step (typing a number); a pause makes two', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const { history, analysis } = await setup();
    const k0 = analysis.settings.nComponents;
    analysis.setSetting('nComponents', 1);
    await flush();
    analysis.setSetting('nComponents', 12);
    await flush();
    vi.setSystemTime(Date.now() + COALESCE_MS + 1);
    analysis.setSetting('nComponents', 4);
    await flush();
    history.undo();
    expect(analysis.settings.nComponents).toBe(12);
    history.undo();
    expect(analysis.settings.nComponents).toBe(k0);
  });

  it('starts over with another dataset: nothing of the last one can be undone', async () => {
    const { history, analysis } = await setup();
    analysis.toggleColumn(0);
    await flush();
    expect(history.canUndo).toBe(true);
    await useDatasetStore().openSample('faithful');
    await flush();
    expect(history.canUndo).toBe(false);
  });
  it("undoes and redoes the views' settings as steps too, but not the data table's sort", async () => {
    const { history, analysis } = await setup();
    analysis.setViewSetting('contours', true);
    await flush();
    analysis.setViewSetting('parameterUnits', 'fitted');
    await flush();
    analysis.setViewSetting('binWidths', { '0': 0.5 });
    await flush();
    analysis.setTableOrder({ sort: 'cluster' });
    await flush();
    history.undo();
    expect(analysis.view.binWidths).toEqual({});
    expect(analysis.view.parameterUnits).toBe('fitted');
    expect(analysis.view.table.sort).toBe('cluster');
    history.undo();
    expect(analysis.view.parameterUnits).toBe('data');
    history.undo();
    expect(analysis.view.contours).toBe(false);
    expect(history.canUndo).toBe(false);
    history.redo();
    history.redo();
    history.redo();
    expect(analysis.view).toMatchObject({
      contours: true,
      parameterUnits: 'fitted',
      binWidths: { '0': 0.5 },
    });
    expect(analysis.view.table.sort).toBe('cluster');
  });

  it('a certainty threshold dragged in one go is one step', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const { history, analysis } = await setup();
    const start = analysis.view.certaintyThreshold;
    for (const v of [0.8, 0.75, 0.7]) {
      analysis.setViewSetting('certaintyThreshold', v);
      await flush();
    }
    history.undo();
    expect(analysis.view.certaintyThreshold).toBe(start);
  });
});
