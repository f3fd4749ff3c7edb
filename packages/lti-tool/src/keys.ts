import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, importJWK, type JWK, SignJWT } from 'jose';
import type { LtiStore, ToolKey } from './storage/store.ts';

/** How long a retired key stays in the JWKS, so tokens signed just before a rotation verify. */
export const retiredKeyGraceMs = 2 * 24 * 60 * 60 * 1000;

const alg = 'RS256';

async function newKey(now: number): Promise<ToolKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg, {
    extractable: true,
    modulusLength: 2048,
  });
  const kid = randomUUID();
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' };
  const privateJwk = { ...(await exportJWK(privateKey)), kid, alg };
  return {
    kid,
    privateJwk: JSON.stringify(privateJwk),
    publicJwk: JSON.stringify(publicJwk),
    createdAt: now,
    retiredAt: null,
  };
}

/** The tool's signing keys, kept in the database so every tool process signs alike. */
export class ToolKeys {
  readonly #store: LtiStore;
  readonly #now: () => number;

  constructor(store: LtiStore, now: () => number) {
    this.#store = store;
    this.#now = now;
  }

  /** Makes sure there is an active key (the first start creates one). */
  async ensure(): Promise<void> {
    const keys = await this.#store.keys();
    if (!keys.some((key) => key.retiredAt === null))
      await this.#store.addKey(await newKey(this.#now()));
  }

  /** A new key signs from now on; the old ones stay published for the grace period. */
  async rotate(): Promise<string> {
    const now = this.#now();
    const key = await newKey(now);
    await this.#store.addKey(key);
    await this.#store.retireKeysExcept(key.kid, now);
    await this.#store.dropKeysRetiredBefore(now - retiredKeyGraceMs);
    return key.kid;
  }

  /** The public keys, active and recently retired: what `/.well-known/jwks.json` serves. */
  async jwks(): Promise<{ keys: JWK[] }> {
    const cutoff = this.#now() - retiredKeyGraceMs;
    const keys = await this.#store.keys();
    return {
      keys: keys
        .filter((key) => key.retiredAt === null || key.retiredAt >= cutoff)
        .map((key) => JSON.parse(key.publicJwk) as JWK),
    };
  }

  /** Signs a JWT with the newest active key. */
  async sign(payload: Record<string, unknown>, lifetimeSeconds: number): Promise<string> {
    const keys = await this.#store.keys();
    const active = keys.find((key) => key.retiredAt === null);
    if (!active) throw new Error('The tool has no signing key.');
    const privateKey = await importJWK(JSON.parse(active.privateJwk) as JWK, alg);
    const nowSeconds = Math.floor(this.#now() / 1000);
    return new SignJWT(payload)
      .setProtectedHeader({ alg, kid: active.kid, typ: 'JWT' })
      .setIssuedAt(nowSeconds)
      .setExpirationTime(nowSeconds + lifetimeSeconds)
      .setJti(randomUUID())
      .sign(privateKey);
  }
}
