/** How each family of list endpoints pages: the page-number field PandaPon names, and its page sizes. */
export const SEARCH_PAGING = { pageField: 'beginPage', defaultPageSize: 20, maxPageSize: 50 };
export const PAGE_NO_PAGING = { pageField: 'pageNo', defaultPageSize: 20, maxPageSize: 50 };
export const TAOBAO_PAGING = { pageField: 'pageNo', defaultPageSize: 20, maxPageSize: 40 };
