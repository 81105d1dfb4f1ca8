// The Electron shell: the only runtime import of 'electron' in the main process. What it does
// lives in src-main/electron/ and is tested under plain Node with fakes.
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  protocol,
  safeStorage,
  screen,
  session,
  shell,
} from 'electron';
import { runShell } from './electron/shell';

void runShell(
  { app, BrowserWindow, dialog, ipcMain, Menu, protocol, safeStorage, screen, session, shell },
  { mainDir: import.meta.dirname, process },
);
