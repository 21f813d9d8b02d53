/** A file name from a chart title: letters, digits (any script), dashes. */
export function imageFileName(title: string, ext: 'png' | 'svg'): string {
  const base = title
    .trim()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return `${base || 'chart'}.${ext}`;
}
