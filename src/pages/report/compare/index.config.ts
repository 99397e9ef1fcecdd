export default definePageConfig({ navigationBarTitleText: '各小区对比' })
