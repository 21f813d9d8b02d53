/** The background model's screen (views/BackgroundWorkspace.vue and components/background/). */
const background = {
  openFolder: 'Open frame folder…',
  openGif: 'Open animated GIF…',
  title: 'Background model',
  close: 'Close',
  kindFolder: 'Folder of frames',
  kindGif: 'Animated GIF',
  intro:
    'Each pixel keeps a mixture of up to K Gaussians, learnt frame by frame; a pixel that no background Gaussian explains is foreground (Stauffer & Grimson 1999, Zivkovic 2004 — OpenCV’s MOG2).',
  settings: 'Model settings',
  components: 'Components (K)',
  componentsHint:
    'The most Gaussians a pixel keeps. More let a pixel remember several backgrounds — flickering leaves, a blinking light. Default 5.',
  learningRate: 'Learning rate',
  learningAuto: 'Automatic',
  learningRateHint:
    'How fast the background adapts. Automatic: 1/(2n) at frame n, settling to 1/500 (OpenCV’s schedule); a fixed rate α gives the newest frame weight α.',
  backgroundRatio: 'Background ratio',
  backgroundRatioHint:
    'The heaviest Gaussians whose weights add up to this share are background; a pixel explained only by the others is foreground. Default 0.9.',
  threshold: 'Variance threshold',
  thresholdHint:
    'Squared distance, in variances, under which a background Gaussian explains a pixel: 16 is 4 standard deviations. Lower finds more foreground, and more noise.',
  shadows: 'Detect shadows',
  shadowsHint:
    'A pixel that is a darker copy of the background is a shadow and counted as background. Turn it off to find dark objects on a lit background.',
  defaults: 'Defaults',
  invalid: 'A setting is out of range.',
  run: 'Run',
  cancel: 'Cancel',
  cancelling: 'Cancelling…',
  starting: 'Reading the first frame…',
  progress: 'Frame {frame} of {frames}',
  cancelled: 'The run was cancelled; nothing was kept.',
  failed: 'The background model could not run',
  empty: 'Choose the settings and press Run: every frame is modelled in turn, then you can play the masks.',
  summary: '{frames} frames · {width} × {height} px · {colour} · {seconds} s',
  grey: 'grey',
  colour: 'colour',
  frame: 'Frame',
  mask: 'Foreground mask',
  estimate: 'Background estimate',
  play: 'Play',
  pause: 'Pause',
  previous: 'Previous frame',
  next: 'Next frame',
  slider: 'Frame',
  position: 'Frame {index} of {frames}',
  foreground: 'Foreground: {share}',
  exportMasks: 'Export masks…',
  exporting: 'Exporting mask {written} of {total}…',
  exported: '{files} masks written to {folder}',
};

export type BackgroundMessages = typeof background;
export default background;
