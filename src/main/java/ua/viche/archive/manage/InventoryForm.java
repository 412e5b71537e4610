package ua.viche.archive.manage;

import ua.viche.archive.domain.Inventory;

/** An inventory's description as the form sends it. */
public class InventoryForm extends NumberedForm {

    Inventory.Description description() {
        return new Inventory.Description(number, title, yearFrom, yearTo);
    }

    static InventoryForm of(Inventory i) {
        InventoryForm form = new InventoryForm();
        form.fill(i.getNumber(), i.getTitle(), i.getYearFrom(), i.getYearTo());
        return form;
    }
}
