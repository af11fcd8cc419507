package io.budgetlens.events;

/** What the title says the disclosure covers: 部门 (DEPARTMENT, the department with its units) or 单位/本级 (UNIT). */
public enum DisclosureScope {
    DEPARTMENT,
    UNIT
}
