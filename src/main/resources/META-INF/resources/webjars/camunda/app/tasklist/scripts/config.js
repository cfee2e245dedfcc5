/*
 * Family Audit: replaces the config.js shipped in camunda-webapp-webjar 7.24.0
 * (META-INF/resources/webjars/camunda/app/tasklist/scripts/config.js). Our classes directory comes
 * before the webjar on the classpath, so the starter serves this file at
 * /camunda/app/tasklist/scripts/config.js. Everything not set here keeps Camunda's default.
 *
 * - locales: Italian (locales/it.json beside this folder) for browsers whose first language is
 *   Italian, English otherwise (Tasklist reads navigator.languages[0]).
 * - The Community-edition "time to migrate to Camunda 8" banner has no config option (the header
 *   widget hard-codes isCommunityEdition = true): styles/user-styles.css hides it.
 * - shortcuts: copied unchanged from the shipped file, which would otherwise be lost.
 */
export default {
  locales: {
    availableLocales: ['it', 'en'],
    fallbackLocale: 'en'
  },

  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'claims the currently selected task'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'set the focus to the first filter in the list'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'sets the focus to the first task in the list'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'sets the focus to the first input field in a task form'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'opens the start process modal dialog'
    }
  }
};
