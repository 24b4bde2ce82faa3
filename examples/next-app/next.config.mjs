import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// Inside the repository the app resolves react, react-dom and the other peers from the
// repository's own node_modules, one copy for the app and the kit, so the bundler's root is
// the repository.
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  turbopack: { root },
  outputFileTracingRoot: root,
};

export default nextConfig;
