import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import type { ImagePixelOptions, ImportOptions, PreviewResult } from '../../../shared/data/types';
import { useClients } from '../api/clients';
import { toUserError, type UserError } from '../api/userError';
import { useNoticesStore } from './notices';

/** The settings the user may change in the dialog; omitted = what detection chose. */
export type ImportOverrides = Omit<ImportOptions, 'path'>;

/** What "Import" does with the file and the settings the user chose. */
export type Importer = (path: string, overrides: ImportOverrides) => Promise<void>;

/** Encodings offered in the dialog (the engine decodes these through iconv-lite / TextDecoder). */
export const ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'gbk', 'gb18030', 'windows-1252'] as const;
/** Delimiters the importer detects (DELIMITER_CANDIDATES in electron/engine/import/detectDialect.ts). */
export const DELIMITERS = [',', ';', '\t', '|'] as const;

/** A problem the preview already shows, named for the dialog's list (the import lists every row). */
export type PreviewProblem =
  | { kind: 'mixed'; column: string; count: number }
  | { kind: 'nonfinite'; column: string; count: number }
  | { kind: 'renamed'; column: string; name: string }
  | { kind: 'totalRows'; count: number };

/** How long the dialog waits after a settings change before asking for a new preview. */
export const PREVIEW_DEBOUNCE_MS = 200;

/**
 * Problems visible in the previewed rows: text in number columns, inf values, renamed headers, and
 * summary (total) rows, which the import leaves out.
 */
export function previewProblems(preview: PreviewResult): PreviewProblem[] {
  const problems: PreviewProblem[] = [];
  if (preview.totalRows) problems.push({ kind: 'totalRows', count: preview.totalRows });
  for (const c of preview.columns) {
    if (c.displayName !== c.name) problems.push({ kind: 'renamed', column: c.displayName, name: c.name });
    if (c.kind === 'mixed' && c.nonNumeric)
      problems.push({ kind: 'mixed', column: c.displayName, count: c.nonNumeric });
    if (c.nonfinite) problems.push({ kind: 'nonfinite', column: c.displayName, count: c.nonfinite });
  }
  return problems;
}

/**
 * The import dialog: a user's file is previewed first — detected settings, the
 * first rows, column kinds — and imported only when the user confirms, with the settings they chose.
 * A file rejected outright (empty, binary) never opens the dialog: the error banner says why.
 *
 * The dataset store shows the dialog (Open file…, a drop) and hands it its importer
 * (`connectImporter`), so the two modules do not import each other.
 */
export const useImportDialogStore = defineStore('importDialog', () => {
  const clients = useClients();
  const notices = useNoticesStore();

  /** The file shown in the dialog; null = the dialog is closed. */
  const path = ref<string | null>(null);
  const overrides = ref<ImportOverrides>({});
  const preview = shallowRef<PreviewResult | null>(null);
  const loading = ref(false);
  /** Why the last preview with the user's overrides failed (shown in the dialog). */
  const error = ref<UserError | null>(null);
  const open = computed(() => path.value !== null);
  const problems = computed(() => (preview.value ? previewProblems(preview.value) : []));

  // Answers to superseded requests are dropped: only the latest settings' preview is shown.
  let requestSeq = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let importer: Importer | null = null;

  function connectImporter(next: Importer): void {
    importer = next;
  }

  async function runPreview(): Promise<void> {
    const file = path.value;
    if (!file) return;
    const seq = ++requestSeq;
    loading.value = true;
    try {
      const result = await clients.dataset.preview({ path: file, ...overrides.value });
      if (seq !== requestSeq) return;
      preview.value = result;
      error.value = null;
    } catch (err) {
      if (seq !== requestSeq) return;
      const userError = toUserError(err);
      if (!preview.value) {
        // Nothing to show yet: the file itself is rejected; say so where every import error goes.
        close();
        notices.showError(userError, 'import');
        return;
      }
      error.value = userError;
    } finally {
      if (seq === requestSeq) loading.value = false;
    }
  }

  /** Opens the dialog on a file and previews it with detected settings. */
  async function show(file: string): Promise<void> {
    close();
    path.value = file;
    await runPreview();
  }

  /** Changes one setting; the preview follows after a short pause (typing in a select repeats). */
  function setOverride<K extends keyof ImportOverrides>(key: K, value: ImportOverrides[K]): void {
    overrides.value = { ...overrides.value, [key]: value };
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      void runPreview();
    }, PREVIEW_DEBOUNCE_MS);
  }

  /**
   * Changes one of an image's pixel-column choices (colour space, x/y), keeping the other: both
   * travel in the one `image` import option the engine validates.
   */
  function setImageOption<K extends keyof ImagePixelOptions>(key: K, value: ImagePixelOptions[K]): void {
    setOverride('image', { ...overrides.value.image, [key]: value });
  }

  function close(): void {
    if (timer) clearTimeout(timer);
    timer = null;
    requestSeq++;
    path.value = null;
    overrides.value = {};
    preview.value = null;
    loading.value = false;
    error.value = null;
  }

  /** "Import": the dialog closes and the import runs with the chosen settings (progress as usual). */
  async function confirm(): Promise<void> {
    const file = path.value;
    if (!file) return;
    if (!importer) throw new Error('The import dialog has no importer: the dataset store connects it.');
    const chosen = { ...overrides.value };
    close();
    await importer(file, chosen);
  }

  return {
    path,
    overrides,
    preview,
    loading,
    error,
    open,
    problems,
    connectImporter,
    show,
    setOverride,
    setImageOption,
    close,
    confirm,
  };
});
