/** Names come from Graph (and from other tenants): escape them so a crafted name cannot inject links or HTML into a tooltip. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>&~]/g, (c) => `\\${c}`);
}
