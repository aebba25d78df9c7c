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

    // Admins only: customers then see the status's stage name.
    private boolean hidden;

    // Blank: no stage. Checked against the configured stages by the controller.
    private String stage = "";

    static MappingForm of(StatusMapping mapping, String stage) {
        MappingForm form = new MappingForm();
        form.customStatus = mapping.customStatus() == null ? mapping.odataStatus() : mapping.customStatus();
        form.active = mapping.active();
        form.stage = stage == null ? "" : stage;
        return form;
    }

    public String getStage() {
        return stage;
    }

    public void setStage(String stage) {
        this.stage = stage == null ? "" : stage.trim();
    }

    public String getCustomStatus() {
        return customStatus;
    }

    public void setCustomStatus(String customStatus) {
        this.customStatus = customStatus == null ? null : customStatus.trim();
    }

    public boolean isHidden() {
        return hidden;
    }

    public void setHidden(boolean hidden) {
        this.hidden = hidden;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }
}
