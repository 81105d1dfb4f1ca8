import type { ThemeConfig } from 'antd';

// Chinese system fonts first: 微软雅黑 on the shop PCs, PingFang on a Mac, WenQuanYi on Linux.
const FONT_FAMILY = [
  '-apple-system',
  'BlinkMacSystemFont',
  '"Segoe UI"',
  '"PingFang SC"',
  '"Hiragino Sans GB"',
  '"Microsoft YaHei"',
  '"WenQuanYi Micro Hei"',
  '"Helvetica Neue"',
  'Arial',
  'sans-serif',
].join(', ');

/** The app icon's blue, generous sizes: the app is used standing at a counter, often by touch. */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#1467e6',
    colorInfo: '#1467e6',
    borderRadius: 8,
    fontFamily: FONT_FAMILY,
    fontSize: 15,
    controlHeight: 38,
  },
  components: {
    Layout: { siderBg: '#0f1b2d', headerBg: '#ffffff', bodyBg: '#f2f4f7' },
    Menu: {
      darkItemBg: '#0f1b2d',
      darkSubMenuItemBg: '#0f1b2d',
      darkItemSelectedBg: '#1467e6',
      itemHeight: 48,
    },
    Table: { headerBg: '#f7f8fa' },
  },
};
