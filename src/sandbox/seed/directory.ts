import { str, type JsonObject } from '../json';
import { Directory, type DirectoryGroup, type DirectoryUser } from '../store/directory';
import { DEPARTMENTS, GIVEN_NAMES, JOB_TITLES, SURNAMES } from './names';
import { Rng } from './random';
import type { SandboxTenant } from './tenants';

/** A group a seed asks for by fixed id, with the rule that picks its members. */
export interface GroupPlan {
  readonly id: string;
  readonly displayName: string;
  readonly description: string;
  readonly pickMembers: (users: readonly DirectoryUser[], rng: Rng) => string[];
}

export interface DirectoryPlan {
  readonly userCount: number;
  readonly cities: readonly string[];
  readonly groups?: readonly GroupPlan[];
  /** Adds the users whose names and attributes carry markup and script payloads. */
  readonly hostileUsers?: boolean;
}

/**
 * Users whose display names and attributes are hostile (markup, script, template and bidi
 * payloads). Provisioning logs repeat them verbatim, so the log viewer must prove it escapes them.
 */
export const HOSTILE_USERS: readonly {
  readonly given: string;
  readonly surname: string;
  readonly displayName: string;
  readonly nickname: string;
  readonly department?: string;
  readonly jobTitle?: string;
  readonly mail?: string;
}[] = [
  {
    given: 'Img',
    surname: 'Onerror',
    displayName: '<img src=x onerror=alert(1)>',
    nickname: 'img.onerror',
    department: '<b onmouseover=alert(1)>Sales</b>',
  },
  {
    given: 'Script',
    surname: 'Tag',
    displayName: "<script>alert('xss')</script>",
    nickname: 'script.tag',
    jobTitle: '"><svg/onload=alert(document.domain)>',
  },
  {
    given: 'Svg',
    surname: 'Onload',
    displayName: '"><svg/onload=alert(document.domain)>',
    nickname: 'svg.onload',
    department: "';alert(String.fromCharCode(88,83,83))//",
  },
  {
    given: 'Template',
    surname: 'Injection',
    displayName: "{{constructor.constructor('alert(1)')()}} ${alert(1)}",
    nickname: 'template.injection',
    jobTitle: 'javascript:alert(1)',
  },
  {
    given: 'Bad',
    surname: 'Mail',
    displayName: 'Bad Mail <iframe src="javascript:alert(1)">',
    nickname: 'bad.mail',
    mail: '"<img src=x onerror=alert(2)>"@contoso.com',
  },
  {
    given: 'Bidi',
    surname: 'Override',
    displayName: 'Zoë Ünicode 名前 \u202Etxt.exe',
    nickname: 'bidi.override',
  },
];

function user(object: JsonObject, smsSignIn = false): DirectoryUser {
  return { object, smsSignIn };
}

function isoBetween(rng: Rng, fromIso: string, toMs: number): string {
  const from = Date.parse(fromIso);
  return new Date(from + Math.floor(rng.next() * Math.max(1, toMs - from)))
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z');
}

function countryOf(code: string): string {
  return (
    (
      { US: 'United States', GB: 'United Kingdom', CA: 'Canada', DE: 'Germany' } as Record<
        string,
        string
      >
    )[code] ?? code
  );
}

/**
 * Generates a tenant's users and groups from the seed: an administrator, internal members spread
 * over departments and cities, a few invited guests, optional hostile users, department groups,
 * "All Employees", and the groups the plan asks for by id.
 */
export function generateDirectory(
  tenant: SandboxTenant,
  seed: number,
  anchorMs: number,
  plan: DirectoryPlan,
): Directory {
  const rng = new Rng(seed, `directory:${tenant.tenantId}`);
  const domain = tenant.customDomains[0] ?? tenant.defaultDomainName;
  const users: DirectoryUser[] = [];
  const taken = new Set<string>();
  const base = (
    given: string,
    surname: string,
    displayName: string,
    nickname: string,
  ): JsonObject => {
    let alias = nickname;
    for (let n = 2; taken.has(alias); n++) alias = `${nickname}${n}`;
    taken.add(alias);
    const department = rng.pick(DEPARTMENTS);
    const city = rng.pick(plan.cities);
    return {
      id: rng.guid(),
      displayName,
      givenName: given,
      surname,
      userPrincipalName: `${alias}@${domain}`,
      mail: `${alias}@${domain}`,
      mailNickname: alias,
      jobTitle: rng.pick(JOB_TITLES[department]),
      department,
      companyName: tenant.displayName,
      officeLocation: `${city} ${rng.between(1, 9)}/${rng.between(1000, 4999)}`,
      city,
      country: countryOf(tenant.countryLetterCode),
      usageLocation: tenant.countryLetterCode,
      preferredLanguage: rng.pick(['en-US', 'en-US', 'en-GB', 'de-DE', 'fr-FR', 'es-ES', 'ja-JP']),
      businessPhones: [`+1 425 555 0${rng.between(100, 199)}`],
      mobilePhone: rng.chance(0.6) ? `+1 206 555 0${rng.between(100, 199)}` : null,
      accountEnabled: true,
      userType: 'Member',
      creationType: null,
      externalUserState: null,
      employeeId: String(rng.between(100000, 999999)),
      createdDateTime: isoBetween(rng, tenant.createdDateTime, anchorMs),
    };
  };

  const short = tenant.displayName.split(' ')[0];
  const admin = base('Avery', 'Admin', `${short} Administrator`, 'admin');
  admin.userPrincipalName = `admin@${tenant.defaultDomainName}`;
  admin.mail = null;
  admin.department = 'IT';
  admin.jobTitle = 'Global Administrator';
  users.push(user(admin));

  for (let i = 0; i < plan.userCount; i++) {
    const given = rng.pick(GIVEN_NAMES);
    const surname = rng.pick(SURNAMES);
    const object = base(given, surname, `${given} ${surname}`, `${given}.${surname}`.toLowerCase());
    if (rng.chance(0.03)) object.accountEnabled = false;
    users.push(user(object, rng.chance(0.03)));
  }

  if (plan.hostileUsers) {
    for (const h of HOSTILE_USERS) {
      const object = base(h.given, h.surname, h.displayName, h.nickname);
      if (h.department !== undefined) object.department = h.department;
      if (h.jobTitle !== undefined) object.jobTitle = h.jobTitle;
      if (h.mail !== undefined) object.mail = h.mail;
      users.push(user(object));
    }
  }

  for (let i = 0; i < 4; i++) {
    const given = rng.pick(GIVEN_NAMES);
    const surname = rng.pick(SURNAMES);
    const external =
      `${given}.${surname}@${rng.pick(['outlook.com', 'gmail.com', 'proseware.com', 'litware.com'])}`.toLowerCase();
    const object = base(
      given,
      surname,
      `${given} ${surname} (Guest)`,
      `${given}.${surname}.guest`.toLowerCase(),
    );
    Object.assign(object, {
      userPrincipalName: `${external.replace('@', '_')}#EXT#@${tenant.defaultDomainName}`,
      mail: external,
      userType: 'Guest',
      creationType: 'Invitation',
      externalUserState: 'Accepted',
      companyName: null,
      employeeId: null,
    });
    users.push(user(object));
  }

  const members = users.filter((u) => u.object.userType === 'Member');
  const groups: DirectoryGroup[] = [];
  const group = (
    id: string,
    displayName: string,
    description: string,
    memberIds: string[],
    unified: boolean,
  ): void => {
    const nickname = displayName.replace(/[^A-Za-z0-9]/g, '');
    groups.push({
      object: {
        id,
        displayName,
        description,
        mail: unified ? `${nickname}@${domain}` : null,
        mailEnabled: unified,
        mailNickname: nickname,
        securityEnabled: !unified,
        groupTypes: unified ? ['Unified'] : [],
        visibility: unified ? 'Private' : null,
        membershipRule: null,
        createdDateTime: isoBetween(rng, tenant.createdDateTime, anchorMs),
      },
      memberIds,
    });
  };
  group(
    rng.guid(),
    'All Employees',
    `Every employee of ${tenant.displayName}.`,
    members.map((u) => str(u.object.id)),
    true,
  );
  for (const department of DEPARTMENTS) {
    group(
      rng.guid(),
      `${department} Team`,
      `Members of the ${department} department.`,
      members.filter((u) => u.object.department === department).map((u) => str(u.object.id)),
      false,
    );
  }
  for (const plan_ of plan.groups ?? [])
    group(
      plan_.id,
      plan_.displayName,
      plan_.description,
      plan_.pickMembers(members, new Rng(seed, `group:${plan_.id}`)),
      false,
    );

  return new Directory(users, groups);
}
