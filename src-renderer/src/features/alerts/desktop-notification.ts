// Desktop notifications through the web Notification API: Chromium and Electron both have it.
// Never throws: where it is missing or refused, the caller shows the news in the page instead.

export type NotificationPermissionState = NotificationPermission | 'unsupported';

export const notificationPermission = (): NotificationPermissionState =>
  typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;

/** Asks once, from a click (browsers ignore a request that no gesture started). */
export async function askNotificationPermission(): Promise<NotificationPermissionState> {
  if (typeof Notification === 'undefined') return 'unsupported';
  try {
    return await Notification.requestPermission();
  } catch {
    return Notification.permission;
  }
}

/** Shows a desktop notification; false when it could not be shown. */
export function showDesktopNotification(
  title: string,
  options: { body: string; tag: string; onClick: () => void },
): boolean {
  if (notificationPermission() !== 'granted') return false;
  try {
    const notification = new Notification(title, { body: options.body, tag: options.tag });
    notification.onclick = () => {
      window.focus();
      options.onClick();
      notification.close();
    };
    return true;
  } catch {
    return false;
  }
}
