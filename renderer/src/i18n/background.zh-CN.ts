import type { BackgroundMessages } from './background.en';

/** 背景模型界面（views/BackgroundWorkspace.vue 与 components/background/）。 */
const background: BackgroundMessages = {
  openFolder: '打开帧文件夹…',
  openGif: '打开 GIF 动图…',
  title: '背景模型',
  close: '关闭',
  kindFolder: '帧文件夹',
  kindGif: 'GIF 动图',
  intro:
    '每个像素保有至多 K 个高斯分量的混合，逐帧在线学习；没有任何背景分量能解释的像素即为前景（Stauffer & Grimson 1999，Zivkovic 2004——即 OpenCV 的 MOG2）。',
  settings: '模型设置',
  components: '分量数（K）',
  componentsHint:
    '每个像素最多保留的高斯分量数。分量越多，像素越能记住多种背景——摇曳的树叶、闪烁的灯。默认 5。',
  learningRate: '学习率',
  learningAuto: '自动',
  learningRateHint:
    '背景适应变化的快慢。自动：第 n 帧取 1/(2n)，最终稳定在 1/500（OpenCV 的策略）；固定学习率 α 表示最新一帧的权重为 α。',
  backgroundRatio: '背景比例',
  backgroundRatioHint:
    '权重最大、且权重之和达到此比例的分量视为背景；只能由其余分量解释的像素为前景。默认 0.9。',
  threshold: '方差阈值',
  thresholdHint:
    '以方差为单位的平方距离，小于它时背景分量可解释该像素：16 即 4 个标准差。数值越小，检出的前景越多，噪声也越多。',
  shadows: '检测阴影',
  shadowsHint: '比背景更暗的同色像素视为阴影，计入背景。关闭后可检出明亮背景上的深色物体。',
  defaults: '恢复默认',
  invalid: '有设置超出范围。',
  run: '运行',
  cancel: '取消',
  cancelling: '正在取消…',
  starting: '正在读取第一帧…',
  progress: '第 {frame} 帧，共 {frames} 帧',
  cancelled: '运行已取消，未保留任何结果。',
  failed: '背景模型无法运行',
  empty: '选好设置后点击“运行”：模型逐帧处理全部帧，之后即可播放前景掩码。',
  summary: '{frames} 帧 · {width} × {height} 像素 · {colour} · {seconds} 秒',
  grey: '灰度',
  colour: '彩色',
  frame: '原始帧',
  mask: '前景掩码',
  estimate: '背景估计',
  play: '播放',
  pause: '暂停',
  previous: '上一帧',
  next: '下一帧',
  slider: '帧',
  position: '第 {index} 帧，共 {frames} 帧',
  foreground: '前景占比：{share}',
  exportMasks: '导出掩码…',
  exporting: '正在导出第 {written} 个掩码，共 {total} 个…',
  exported: '已将 {files} 个掩码写入 {folder}',
};

export default background;
