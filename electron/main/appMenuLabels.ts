/**
 * Words of the native app menu, in the two languages the page speaks (renderer/src/i18n has the
 * page's own). The menu follows the page's language: the page reports it in setMenuState; before
 * that, the OS language decides, as it does for the page.
 */
import type { MenuState } from '../../shared/api';

export type MenuLocale = MenuState['locale'];

export interface MenuLabels {
  file: string;
  new: string;
  openData: string;
  openProject: string;
  openRecent: string;
  openFrames: string;
  openFramesFolder: string;
  openFramesGif: string;
  noRecent: string;
  save: string;
  saveAs: string;
  exportLabels: string;
  exportModel: string;
  quit: string;
  edit: string;
  undo: string;
  redo: string;
  cut: string;
  copy: string;
  paste: string;
  selectAll: string;
  view: string;
  zoomIn: string;
  zoomOut: string;
  resetZoom: string;
  theme: string;
  themeLight: string;
  themeDark: string;
  themeSystem: string;
  language: string;
  fullScreen: string;
  devTools: string;
  window: string;
  minimize: string;
  close: string;
  help: string;
  /** "{name}" is the app's name. */
  about: string;
  documentation: string;
  showLogs: string;
  services: string;
  /** "{name}" is the app's name. */
  hide: string;
  hideOthers: string;
  showAll: string;
}

export const MENU_LABELS: Record<MenuLocale, MenuLabels> = {
  en: {
    file: '&File',
    new: 'New',
    openData: 'Open Data…',
    openProject: 'Open Project…',
    openRecent: 'Open Recent',
    openFrames: 'Background Model',
    openFramesFolder: 'Open Frame Folder…',
    openFramesGif: 'Open Animated GIF…',
    noRecent: 'No Recent Projects',
    save: 'Save',
    saveAs: 'Save As…',
    exportLabels: 'Export Labels…',
    exportModel: 'Export Model…',
    quit: 'Quit',
    edit: '&Edit',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select All',
    view: '&View',
    zoomIn: 'Zoom In',
    zoomOut: 'Zoom Out',
    resetZoom: 'Actual Size',
    theme: 'Theme',
    themeLight: 'Light',
    themeDark: 'Dark',
    themeSystem: 'Follow System',
    language: 'Language',
    fullScreen: 'Toggle Full Screen',
    devTools: 'Toggle Developer Tools',
    window: 'Window',
    minimize: 'Minimize',
    close: 'Close Window',
    help: '&Help',
    about: 'About {name}',
    documentation: 'Documentation',
    showLogs: 'Show Logs',
    services: 'Services',
    hide: 'Hide {name}',
    hideOthers: 'Hide Others',
    showAll: 'Show All',
  },
  'zh-CN': {
    file: '文件(&F)',
    new: '新建',
    openData: '打开数据…',
    openProject: '打开项目…',
    openRecent: '最近的项目',
    openFrames: '背景模型',
    openFramesFolder: '打开帧文件夹…',
    openFramesGif: '打开 GIF 动图…',
    noRecent: '没有最近的项目',
    save: '保存',
    saveAs: '另存为…',
    exportLabels: '导出标签…',
    exportModel: '导出模型…',
    quit: '退出',
    edit: '编辑(&E)',
    undo: '撤销',
    redo: '重做',
    cut: '剪切',
    copy: '复制',
    paste: '粘贴',
    selectAll: '全选',
    view: '视图(&V)',
    zoomIn: '放大',
    zoomOut: '缩小',
    resetZoom: '实际大小',
    theme: '主题',
    themeLight: '浅色',
    themeDark: '深色',
    themeSystem: '跟随系统',
    language: '语言',
    fullScreen: '切换全屏',
    devTools: '切换开发者工具',
    window: '窗口',
    minimize: '最小化',
    close: '关闭窗口',
    help: '帮助(&H)',
    about: '关于 {name}',
    documentation: '文档',
    showLogs: '显示日志',
    services: '服务',
    hide: '隐藏 {name}',
    hideOthers: '隐藏其他',
    showAll: '全部显示',
  },
};

/** Language names, each in its own language (as in the page's language switch). */
export const LANGUAGE_NAMES: Record<MenuLocale, string> = { en: 'English', 'zh-CN': '中文' };

/** The menu's language before the page says: any Chinese OS language gets 中文, else English. */
export function menuLocaleFor(systemLanguages: readonly string[]): MenuLocale {
  for (const language of systemLanguages) {
    const primary = language.toLowerCase().split(/[-_]/)[0];
    if (primary === 'zh') return 'zh-CN';
    if (primary === 'en') return 'en';
  }
  return 'en';
}
