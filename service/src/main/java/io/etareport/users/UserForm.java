package io.etareport.users;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The add and edit forms of {@code /manage_users}. */
class UserForm {

    @NotBlank(message = "Enter an email address.")
    @Size(max = 254, message = "An email address has at most {max} characters.")
    @Pattern(regexp = "[^\\s\\p{Cntrl}@]+@[^\\s\\p{Cntrl}@]+", message = "Enter an email address like name@example.com.")
    private String email = "";

    @NotBlank(message = "Enter a name.")
    @Size(max = 200, message = "Use at most {max} characters.")
    @Pattern(regexp = "[^\\p{Cntrl}]*", message = "Use a single line of text.")
    private String name = "";

    @NotNull(message = "Choose admin or user.")
    @Pattern(regexp = "admin|user", message = "Choose admin or user.")
    private String role = "user";

    static UserForm of(StaffUser user) {
        UserForm form = new UserForm();
        form.email = user.email();
        form.name = user.name() == null ? "" : user.name();
        form.role = user.role() == null ? "user" : user.role().value();
        return form;
    }

    StaffUser.Role parsedRole() {
        return StaffUser.Role.fromValue(role).orElseThrow();
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email == null ? null : email.trim();
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name == null ? null : name.trim();
    }

    public String getRole() {
        return role;
    }

    public void setRole(String role) {
        this.role = role;
    }
}
