type TextField = HTMLInputElement | HTMLTextAreaElement;

const isTextField = (target: EventTarget | null): target is TextField =>
  (target instanceof HTMLInputElement && !['checkbox', 'radio', 'button'].includes(target.type)) ||
  target instanceof HTMLTextAreaElement;

/**
 * Takes a scan's characters back out of the text field they were typed into, so a note or a
 * phone field the cashier had focused is left as it was. Only when the text just before the
 * caret really is the scan: with an IME composing, the keys may never have reached the field.
 */
export function removeScannedText(
  target: EventTarget | null,
  typedLength: number,
  scanText: string,
): void {
  if (!isTextField(target)) return;
  const value = target.value;
  const end = target.selectionEnd ?? value.length;
  const start = Math.max(0, end - typedLength);
  if (!value.slice(start, end).endsWith(scanText)) return;
  // React keeps its own copy of a controlled field's value: set it through the native setter
  // and announce an input event, as typing would, so React (and antd's Form) take it over.
  const prototype = target instanceof HTMLInputElement ? HTMLInputElement : HTMLTextAreaElement;
  const setValue = Object.getOwnPropertyDescriptor(prototype.prototype, 'value')?.set;
  setValue?.call(target, value.slice(0, start) + value.slice(end));
  target.dispatchEvent(new Event('input', { bubbles: true }));
  // Number and email fields have no caret to put back.
  if (target.selectionEnd !== null) target.setSelectionRange(start, start);
}
