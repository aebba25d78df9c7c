package io.etareport.statuses;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The edit form of one status mapping. {@code active} is a checkbox: absent means unticked, as in the
 * original's form (which its users' scripts may still post).
 */
class MappingForm {

    @NotBlank(message = "Custom status required: enter the name customers should see.")
    @Size(max = 200, message = "Use at most {max} characters.")
    @Pattern(regexp = "[^\\p{Cntrl}]*", message = "Use a single line of text.")
    private String customStatus = "";

    private boolean active;

    static MappingForm of(StatusMapping mapping) {
        MappingForm form = new MappingForm();
        form.customStatus = mapping.customStatus() == null ? mapping.odataStatus() : mapping.customStatus();
        form.active = mapping.active();
        return form;
    }

    public String getCustomStatus() {
        return customStatus;
    }

    public void setCustomStatus(String customStatus) {
        this.customStatus = customStatus == null ? null : customStatus.trim();
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }
}
