/** English strings for size limits (`file-too-large`). */
export const performanceEn = {
  'file-too-large.message':
    'Podsight skipped this file: it is {size} MB, over the {limit} MB limit. Split it, or raise the setting podsight.maxFileSize.',
} as const;
