import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SHOW_FALLBACK_MS, showWhenReady, type ShowableWindow } from '../../../electron/main/windowShow';

/** A hidden BrowserWindow stand-in whose events the test fires. */
function fakeWindow() {
  const listeners = new Map<string, () => void>();
  const state = { shown: 0, destroyed: false };
  const window: ShowableWindow = {
    once: (event, listener) => listeners.set(event, listener),
    show: () => void state.shown++,
    isDestroyed: () => state.destroyed,
  };
  return { window, state, fire: (event: string) => listeners.get(event)?.() };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('showWhenReady', () => {
  it('shows the window once the page is ready, and not again at the timeout', () => {
    const { window, state, fire } = fakeWindow();
    const log = vi.fn();
    showWhenReady(window, { log });
    expect(state.shown).toBe(0);
    fire('ready-to-show');
    expect(state.shown).toBe(1);
    vi.advanceTimersByTime(SHOW_FALLBACK_MS * 2);
    expect(state.shown).toBe(1);
    expect(log).not.toHaveBeenCalled();
  });

  it('shows it after the timeout when ready-to-show never comes, and says so in the log', () => {
    const { window, state, fire } = fakeWindow();
    const log = vi.fn();
    showWhenReady(window, { log, timeoutMs: 3000 });
    vi.advanceTimersByTime(2999);
    expect(state.shown).toBe(0);
    vi.advanceTimersByTime(1);
    expect(state.shown).toBe(1);
    expect(log).toHaveBeenCalledWith(expect.stringContaining('not ready to show after 3000 ms'));
    fire('ready-to-show'); // late: the window is already shown
    expect(state.shown).toBe(1);
  });

  it('does nothing for a window closed (or destroyed) before it was shown', () => {
    const closed = fakeWindow();
    showWhenReady(closed.window);
    closed.fire('closed');
    vi.advanceTimersByTime(SHOW_FALLBACK_MS);
    expect(closed.state.shown).toBe(0);
    const destroyed = fakeWindow();
    showWhenReady(destroyed.window);
    destroyed.state.destroyed = true;
    vi.advanceTimersByTime(SHOW_FALLBACK_MS);
    expect(destroyed.state.shown).toBe(0);
  });
});
