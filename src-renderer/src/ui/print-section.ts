import './print-section.css';

/**
 * Prints one element of the page on an ordinary (A4) printer through the browser's print dialog:
 * the rest of the page (menu, header, buttons) is hidden on paper only. For what has no thermal
 * printer: a stocktake's result, a slip's preview when no slip printer is set up.
 */
export function printSection(element: HTMLElement): void {
  element.setAttribute('data-print-target', '');
  document.body.setAttribute('data-printing-section', '');
  const done = () => {
    element.removeAttribute('data-print-target');
    document.body.removeAttribute('data-printing-section');
    window.removeEventListener('afterprint', done);
  };
  window.addEventListener('afterprint', done);
  window.print();
}
