package org.hpcusage.core.query;

import java.util.List;

/**
 * What a search returns and in which order (reference §8.2): the columns, a page
 * ({@code limit >= 1} or {@code null} for all rows, {@code offset >= 0}), and the sort column
 * ({@code null} = {@code end} descending). NULLs sort last in either direction, on both dialects.
 */
public record SearchOptions(List<SearchColumn> columns, Integer limit, Integer offset, SearchColumn sortBy,
                            boolean ascending) {
    public SearchOptions {
        columns = columns == null || columns.isEmpty() ? SearchColumn.defaults() : List.copyOf(columns);
        if (limit != null && limit < 1) {
            throw new IllegalArgumentException("limit must be a positive integer, not " + limit);
        }
        if (offset != null && offset < 0) {
            throw new IllegalArgumentException("offset must be a non-negative integer, not " + offset);
        }
        if (offset != null && offset == 0) {
            offset = null;
        }
    }

    /** Default columns, every row, newest end first. */
    public static SearchOptions defaults() {
        return new SearchOptions(null, null, null, null, false);
    }

    public SearchOptions withColumns(List<SearchColumn> c) {
        return new SearchOptions(c, limit, offset, sortBy, ascending);
    }

    public SearchOptions withPage(Integer l, Integer o) {
        return new SearchOptions(columns, l, o, sortBy, ascending);
    }

    public SearchOptions sortedBy(SearchColumn column, boolean asc) {
        return new SearchOptions(columns, limit, offset, column, asc);
    }

    /** The ORDER BY clause; {@code j.id} breaks ties so pages never overlap. */
    String orderSql() {
        String dir = ascending ? "ASC" : "DESC";
        if (sortBy == null) {
            return "j.\"end\" DESC NULLS LAST, j.id DESC";
        }
        return sortBy.sortExpression() + " " + dir + " NULLS LAST, j.id " + dir;
    }
}
