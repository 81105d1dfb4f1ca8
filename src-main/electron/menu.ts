import type { MenuItemConstructorOptions } from 'electron';

export interface MenuOptions {
  /** Reload and developer tools are for development builds only. */
  dev: boolean;
  /** Opens the data folder (database, backups, logs) for support. */
  openDataFolder: () => void;
}

/** The application menu, in Chinese: 文件 / 编辑 / 视图 / 帮助. */
export function applicationMenu({
  dev,
  openDataFolder,
}: MenuOptions): MenuItemConstructorOptions[] {
  const devItems: MenuItemConstructorOptions[] = dev
    ? [
        { role: 'reload', label: '重新加载' },
        { role: 'forceReload', label: '强制重新加载' },
        { role: 'toggleDevTools', label: '开发者工具' },
        { type: 'separator' },
      ]
    : [];
  return [
    {
      label: '文件',
      submenu: [
        { label: '打开数据文件夹', click: openDataFolder },
        { type: 'separator' },
        { role: 'quit', label: '退出' },
      ],
    },
    {
      label: '编辑',
      submenu: [
        { role: 'undo', label: '撤销' },
        { role: 'redo', label: '重做' },
        { type: 'separator' },
        { role: 'cut', label: '剪切' },
        { role: 'copy', label: '复制' },
        { role: 'paste', label: '粘贴' },
        { role: 'selectAll', label: '全选' },
      ],
    },
    {
      label: '视图',
      submenu: [
        ...devItems,
        { role: 'resetZoom', label: '实际大小' },
        { role: 'zoomIn', label: '放大' },
        { role: 'zoomOut', label: '缩小' },
        { type: 'separator' },
        { role: 'togglefullscreen', label: '全屏' },
      ],
    },
    {
      label: '帮助',
      submenu: [{ role: 'about', label: '关于店务通' }],
    },
  ];
}
