export default definePageConfig({ navigationBarTitleText: '话术练习' })
