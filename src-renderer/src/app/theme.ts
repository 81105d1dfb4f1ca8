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

/** Calm teal, generous sizes: the app is used standing at a counter, often by touch. */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#0f7b6c',
    colorInfo: '#0f7b6c',
    colorLink: '#0b6b5e',
    borderRadius: 8,
    fontFamily: FONT_FAMILY,
    fontSize: 15,
    controlHeight: 38,
  },
  components: {
    Layout: { siderBg: '#10211f', headerBg: '#ffffff', bodyBg: '#f3f5f4' },
    Menu: {
      darkItemBg: '#10211f',
      darkSubMenuItemBg: '#10211f',
      darkItemSelectedBg: '#0f7b6c',
      itemHeight: 48,
    },
    Table: { headerBg: '#f6f8f7' },
  },
};
