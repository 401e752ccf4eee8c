/**
 * The only way this panel builds DOM. Text goes in through text nodes and attributes through
 * `setAttribute`, never through HTML parsing: every string a provisioning log carries comes from
 * another tenant and is hostile by assumption.
 */

type Child = Node | string;

export interface ElOptions {
  readonly className?: string;
  readonly text?: string;
  /** `data-testid`, for the end-to-end tests. */
  readonly testid?: string;
  readonly attrs?: Readonly<Record<string, string>>;
}

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  options: ElOptions = {},
  children: readonly Child[] = [],
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (options.className) node.className = options.className;
  if (options.testid) node.dataset.testid = options.testid;
  for (const [name, value] of Object.entries(options.attrs ?? {})) node.setAttribute(name, value);
  if (options.text !== undefined) node.textContent = options.text;
  for (const child of children) node.append(child);
  return node;
}

export function button(
  label: string,
  testid: string,
  onClick: () => void,
  className = 'button secondary',
): HTMLButtonElement {
  const b = el('button', { className, text: label, testid, attrs: { type: 'button' } });
  b.addEventListener('click', onClick);
  return b;
}

/** A label wrapping its control, so clicking the text focuses or toggles the control. */
export function labelled(
  text: string,
  control: HTMLElement,
  className = 'field',
): HTMLLabelElement {
  return el('label', { className }, [el('span', { className: 'field-label', text }), control]);
}
