/** Types of test/helpers/limits.js, which jest.config.js (plain CommonJS) reads as well. */
export declare const TEST_LIMIT_MS: number;
export declare const ASYNC_UTIL_LIMIT_MS: number;
export declare const BROWSER_STEP_LIMIT_MS: number;
export declare const BUILD_LIMIT_MS: number;
export declare const BUILD_HOOK_LIMIT_MS: number;
export declare const CLI_RUN_LIMIT_MS: number;
