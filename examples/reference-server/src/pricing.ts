import { CATALOG_CURRENCIES, seedProducts } from '../../../src/adapter/memory-seed.js';

// The price list maths are the memory adapter's pure pricing functions: server and memory
// adapter quote the same draft to the same cent.
export { findTier, priceListIssues, priceQuote, unitPrice } from '../../../src/adapter/memory-pricing.js';

/** The catalog every account of the reference server is offered (the memory adapter's seed). */
export const PRODUCTS = seedProducts();
export { CATALOG_CURRENCIES };
