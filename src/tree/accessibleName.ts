import * as vscode from 'vscode';

/**
 * Gives a row the name a screen reader says: its label and description as the row shows them (so
 * what people hear starts as what they see, and the views' locators keep working), then whatever
 * only the icon tells a sighted user (an error, a warning, a state), after a comma.
 */
export function withAccessibleName(
  item: vscode.TreeItem,
  ...iconStates: (string | undefined)[]
): vscode.TreeItem {
  const label = typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
  const description = typeof item.description === 'string' ? item.description : '';
  const states = iconStates.filter((state): state is string => !!state);
  item.accessibilityInformation = {
    label: [[label, description].filter(Boolean).join(' '), ...states].join(', '),
  };
  return item;
}
