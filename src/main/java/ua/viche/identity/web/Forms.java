package ua.viche.identity.web;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.Serializable;

/** Forms of the account pages, validated at the edge. */
final class Forms {

    private Forms() {}

    public static class Register {
        @NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.tooLong}")
        private String name = "";
        @NotBlank(message = "{validation.required}") @Email(message = "{validation.email}") @Size(max = 254, message = "{validation.tooLong}")
        private String email = "";
        @Size(min = 10, max = 128, message = "{validation.password}")
        private String password = "";
        private String passwordRepeat = "";
        @AssertTrue(message = "{register.consent.required}")
        private boolean consent;

        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public String getEmail() { return email; }
        public void setEmail(String email) { this.email = email; }
        public String getPassword() { return password; }
        public void setPassword(String password) { this.password = password; }
        public String getPasswordRepeat() { return passwordRepeat; }
        public void setPasswordRepeat(String passwordRepeat) { this.passwordRepeat = passwordRepeat; }
        public boolean isConsent() { return consent; }
        public void setConsent(boolean consent) { this.consent = consent; }
    }

    /** A declaration of the address one lives at, in one of the community's settlements. */
    public static class Declaration {
        @NotBlank(message = "{residency.error.settlement}")
        private String katottg = "";
        @NotBlank(message = "{residency.error.address}") @Size(max = 500, message = "{validation.tooLong}")
        private String address = "";
        @AssertTrue(message = "{residency.error.confirm}")
        private boolean confirm;

        public String getKatottg() { return katottg; }
        public void setKatottg(String katottg) { this.katottg = katottg; }
        public String getAddress() { return address; }
        public void setAddress(String address) { this.address = address; }
        public boolean isConfirm() { return confirm; }
        public void setConfirm(boolean confirm) { this.confirm = confirm; }
    }

    /** A settlement the community administrator adds to the community's list. */
    public static class SettlementForm {
        @NotBlank(message = "{validation.required}") @Pattern(regexp = "\\s*(UA\\d{17})?\\s*",
                message = "{validation.katottg}")
        private String katottg = "";
        @NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.tooLong}")
        private String nameUk = "";
        @NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.tooLong}")
        private String nameEn = "";

        public String getKatottg() { return katottg; }
        public void setKatottg(String katottg) { this.katottg = katottg; }
        public String getNameUk() { return nameUk; }
        public void setNameUk(String nameUk) { this.nameUk = nameUk; }
        public String getNameEn() { return nameEn; }
        public void setNameEn(String nameEn) { this.nameEn = nameEn; }
    }

    /** Serializable: after an error it is kept in the session as a flash attribute for the next page. */
    public static class EmailOnly implements Serializable {
        @NotBlank(message = "{validation.required}") @Email(message = "{validation.email}") @Size(max = 254, message = "{validation.tooLong}")
        private String email = "";

        public String getEmail() { return email; }
        public void setEmail(String email) { this.email = email; }
    }

    public static class NewPassword {
        private String token = "";
        @Size(min = 10, max = 128, message = "{validation.password}")
        private String password = "";
        private String passwordRepeat = "";

        public String getToken() { return token; }
        public void setToken(String token) { this.token = token; }
        public String getPassword() { return password; }
        public void setPassword(String password) { this.password = password; }
        public String getPasswordRepeat() { return passwordRepeat; }
        public void setPasswordRepeat(String passwordRepeat) { this.passwordRepeat = passwordRepeat; }
    }

    /** Serializable: after an error it is kept (without the passwords) in the session as a flash attribute. */
    public static class ChangePassword implements Serializable {
        @NotBlank(message = "{validation.required}") @Size(max = 128, message = "{validation.tooLong}")
        private String currentPassword = "";
        @Size(min = 10, max = 128, message = "{validation.password}")
        private String password = "";
        private String passwordRepeat = "";

        public String getCurrentPassword() { return currentPassword; }
        public void setCurrentPassword(String currentPassword) { this.currentPassword = currentPassword; }
        public String getPassword() { return password; }
        public void setPassword(String password) { this.password = password; }
        public String getPasswordRepeat() { return passwordRepeat; }
        public void setPasswordRepeat(String passwordRepeat) { this.passwordRepeat = passwordRepeat; }
    }

    public static class Grant {
        @NotBlank(message = "{validation.required}") @Email(message = "{validation.email}")
        private String email = "";
        private String role = "";
        private String departmentId = "";

        public String getEmail() { return email; }
        public void setEmail(String email) { this.email = email; }
        public String getRole() { return role; }
        public void setRole(String role) { this.role = role; }
        public String getDepartmentId() { return departmentId; }
        public void setDepartmentId(String departmentId) { this.departmentId = departmentId; }
    }
}
