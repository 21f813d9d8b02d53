/**
 * The "Recent projects" list, kept in localStorage: most recent first, at most 10, each remembered
 * with whether the last attempt to open it found the file gone (the menu marks those).
 */
import type { PreferenceStorage } from '../platform/browserEnv';

export const RECENT_KEY = 'mixlab.recentProjects';
export const MAX_RECENT = 10;

export interface RecentProject {
  path: string;
  /** The file was not found the last time it was opened from this list. */
  missing?: boolean;
}

export function readRecent(storage: PreferenceStorage | null): RecentProject[] {
  try {
    const raw = JSON.parse(storage?.getItem(RECENT_KEY) ?? '[]') as unknown;
    if (!Array.isArray(raw)) return [];
    return raw
      .filter((r): r is RecentProject => typeof r?.path === 'string' && r.path !== '')
      .map((r) => (r.missing ? { path: r.path, missing: true } : { path: r.path }))
      .slice(0, MAX_RECENT);
  } catch {
    return [];
  }
}

/** `path` moved to the front (found again: not missing), the list capped. */
export function addRecent(list: readonly RecentProject[], path: string): RecentProject[] {
  return [{ path }, ...list.filter((r) => r.path !== path)].slice(0, MAX_RECENT);
}

export function markMissing(list: readonly RecentProject[], path: string): RecentProject[] {
  return list.map((r) => (r.path === path ? { path, missing: true } : r));
}

export function writeRecent(storage: PreferenceStorage | null, list: readonly RecentProject[]): void {
  try {
    storage?.setItem(RECENT_KEY, JSON.stringify(list));
  } catch {
    // Storage full or disabled: the list lasts for the session.
  }
}
