/*
 * Family Audit: replaces the config.js shipped in camunda-webapp-webjar 7.24.0
 * (META-INF/resources/webjars/camunda/app/tasklist/scripts/config.js). Our classes directory comes
 * before the webjar on the classpath, so the starter serves this file at
 * /camunda/app/tasklist/scripts/config.js. Everything not set here keeps Camunda's default.
 *
 * - locales: Italian (locales/it.json beside this folder) unless the browser's first language
 *   (navigator.languages[0]) is English. Italian is also the fallback on purpose: Tasklist loads
 *   the preferred and the fallback locale file in parallel and each one's dateLocales resets
 *   moment's global locale, so with fallback 'en' whichever file arrives last wins and Italian
 *   pages randomly show "in 14 days" / "a minute ago". With fallback 'it', an Italian browser
 *   loads only it.json. (it.json must keep every key of the shipped en.json: a missing key would
 *   show as its raw name; TasklistBrowserTest checks this.)
 * - The Community-edition "time to migrate to Camunda 8" banner has no config option (the header
 *   widget hard-codes isCommunityEdition = true): styles/user-styles.css hides it.
 * - shortcuts: the shipped ones (they would otherwise be lost), described in Italian: the
 *   "Scorciatoie da tastiera" dialog shows these descriptions as they are.
 */
export default {
  locales: {
    availableLocales: ['it', 'en'],
    fallbackLocale: 'it'
  },

  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: "prende in carico l'attività selezionata"
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: "porta il cursore sul primo filtro dell'elenco"
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: "porta il cursore sulla prima attività dell'elenco"
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: "porta il cursore sul primo campo del modulo dell'attività"
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: "apre la finestra per avviare un processo"
    }
  }
};
