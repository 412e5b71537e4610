/** The open-data portal: the community's register of datasets, a CKAN-compatible API and a DCAT-AP catalogue (decision 0048). */
@NullMarked
package ua.viche.opendata;

import org.jspecify.annotations.NullMarked;
