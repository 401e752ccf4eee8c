/**
 * Where a pair finding about one tenant's setting is shown on the other tenant's partner entry:
 * the setting there that faces it (the target's inbound is the source's outbound: a finding on
 * `automaticUserConsentSettings.inboundAllowed` shows on `…outboundAllowed`), then the same
 * setting (inbound trust has no outbound counterpart). The caller takes the first the document
 * has, else the last one's nearest enclosing property (see settingRange).
 */
export function mirroredSettings(setting: string): string[] {
  const [first, second, ...rest] = setting.split('.');
  const facing =
    first in FACING
      ? [FACING[first], ...(second === undefined ? [] : [second]), ...rest]
      : first === 'automaticUserConsentSettings' && second in CONSENT_FACING
        ? [first, CONSENT_FACING[second], ...rest]
        : undefined;
  return facing ? [facing.join('.'), setting] : [setting];
}

const FACING: Readonly<Record<string, string>> = {
  b2bCollaborationInbound: 'b2bCollaborationOutbound',
  b2bCollaborationOutbound: 'b2bCollaborationInbound',
  b2bDirectConnectInbound: 'b2bDirectConnectOutbound',
  b2bDirectConnectOutbound: 'b2bDirectConnectInbound',
};

const CONSENT_FACING: Readonly<Record<string, string>> = {
  inboundAllowed: 'outboundAllowed',
  outboundAllowed: 'inboundAllowed',
};
