import { z } from 'zod';

/** Claim names from LTI Core 1.3 §5, AGS 2.0 §3.1, NRPS 2.0 §3.6.1 and Deep Linking 2.0 §4.4. */
export const claim = {
  messageType: 'https://purl.imsglobal.org/spec/lti/claim/message_type',
  version: 'https://purl.imsglobal.org/spec/lti/claim/version',
  deploymentId: 'https://purl.imsglobal.org/spec/lti/claim/deployment_id',
  targetLinkUri: 'https://purl.imsglobal.org/spec/lti/claim/target_link_uri',
  resourceLink: 'https://purl.imsglobal.org/spec/lti/claim/resource_link',
  roles: 'https://purl.imsglobal.org/spec/lti/claim/roles',
  context: 'https://purl.imsglobal.org/spec/lti/claim/context',
  custom: 'https://purl.imsglobal.org/spec/lti/claim/custom',
  ags: 'https://purl.imsglobal.org/spec/lti-ags/claim/endpoint',
  nrps: 'https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice',
  deepLinkingSettings: 'https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings',
  contentItems: 'https://purl.imsglobal.org/spec/lti-dl/claim/content_items',
  data: 'https://purl.imsglobal.org/spec/lti-dl/claim/data',
} as const;

export const agsScope = {
  lineItem: 'https://purl.imsglobal.org/spec/lti-ags/scope/lineitem',
  score: 'https://purl.imsglobal.org/spec/lti-ags/scope/score',
} as const;

export const nrpsScope =
  'https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly';

/** Roles that open the facilitator view (LTI Core 1.3 §A.2.3, context roles, full URIs). */
const facilitatorRoles = [
  'http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor',
  'http://purl.imsglobal.org/vocab/lis/v2/membership#ContentDeveloper',
  'http://purl.imsglobal.org/vocab/lis/v2/membership#Administrator',
  'http://purl.imsglobal.org/vocab/lis/v2/membership#Mentor',
  // Site administrators place activities too (institution and system roles, §A.2.1-2).
  'http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator',
  'http://purl.imsglobal.org/vocab/lis/v2/system/person#Administrator',
  // The deprecated simple name some platforms still send (§A.2.3.1).
  'Instructor',
];

const instructorSubRoles = 'http://purl.imsglobal.org/vocab/lis/v2/membership/Instructor#';

export function isFacilitator(roles: readonly string[]): boolean {
  return roles.some(
    (role) => facilitatorRoles.includes(role) || role.startsWith(instructorSubRoles),
  );
}

const id = z.string().min(1).max(255);

/** Claims every LTI message carries (Core §5.3). Unknown claims are ignored, as the spec says. */
export const commonClaims = z.object({
  sub: id,
  [claim.messageType]: z.string(),
  [claim.version]: z.string(),
  [claim.deploymentId]: id,
  [claim.roles]: z.array(z.string()),
  [claim.context]: z.object({ id: id, title: z.string().optional() }).optional(),
  [claim.custom]: z.record(z.string(), z.unknown()).optional(),
  [claim.targetLinkUri]: z.string().url().optional(),
});

export const resourceLinkClaims = commonClaims.extend({
  // Required in a resource-link launch (Core §5.3.6), optional elsewhere.
  [claim.targetLinkUri]: z.string().url(),
  [claim.resourceLink]: z.object({ id: id, title: z.string().optional() }),
  [claim.ags]: z
    .object({
      scope: z.array(z.string()),
      lineitems: z.string().url().optional(),
      lineitem: z.string().url().optional(),
    })
    .optional(),
  [claim.nrps]: z.object({ context_memberships_url: z.string().url() }).optional(),
});

export const deepLinkingClaims = commonClaims.extend({
  [claim.deepLinkingSettings]: z.object({
    deep_link_return_url: z.string().url(),
    accept_types: z.array(z.string()),
    accept_multiple: z.boolean().optional(),
    data: z.string().optional(),
  }),
});

export type ResourceLinkClaims = z.infer<typeof resourceLinkClaims>;
export type DeepLinkingClaims = z.infer<typeof deepLinkingClaims>;
