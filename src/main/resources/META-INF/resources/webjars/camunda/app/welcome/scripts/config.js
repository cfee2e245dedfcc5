/*
 * Family Audit: replaces the config.js shipped in camunda-webapp-webjar 7.24.0
 * (META-INF/resources/webjars/camunda/app/welcome/scripts/config.js, which sets nothing). Our
 * classes directory comes before the webjar on the classpath, so the starter serves this file at
 * /camunda/app/welcome/scripts/config.js.
 *
 * - locales: Italian (locales/it.json beside this folder) unless the browser's first language is
 *   English; Italian is the fallback, as in Tasklist (see app/tasklist/scripts/config.js).
 * - The Community-edition end-of-life banner is hidden by styles/user-styles.css.
 */
export default {
  locales: {
    availableLocales: ['it', 'en'],
    fallbackLocale: 'it'
  }
};
