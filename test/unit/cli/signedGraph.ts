import {
  Sandbox,
  SANDBOX_TENANTS,
  startSandboxServer,
  type SandboxServer,
} from '../../../src/sandbox';
import { EntraStandIn } from '../../support/entraStandIn';

/**
 * The Entra stand-in with the sandbox tenants (their domains included), and the HTTP sandbox
 * checking the stand-in's signatures: what a process under test reaches through
 * AZURE_AUTHORITY_HOST, CROSS_TENANT_GRAPH_URL and NODE_EXTRA_CA_CERTS.
 */
export async function startSignedGraph(): Promise<{ entra: EntraStandIn; graph: SandboxServer }> {
  const entra = await EntraStandIn.start(
    SANDBOX_TENANTS.map((t) => ({
      tenantId: t.tenantId,
      domains: [t.defaultDomainName, ...t.customDomains],
    })),
  );
  const graph = await startSandboxServer({
    port: 0,
    sandbox: Sandbox.create({ signingKeys: entra.issuer.jwks }),
  });
  return { entra, graph };
}

/** The environment that points a child process at them. */
export function signedGraphEnv(entra: EntraStandIn, graph: SandboxServer): Record<string, string> {
  return {
    NODE_EXTRA_CA_CERTS: entra.caFile,
    AZURE_AUTHORITY_HOST: entra.authorityHost,
    CROSS_TENANT_GRAPH_URL: graph.url,
  };
}
